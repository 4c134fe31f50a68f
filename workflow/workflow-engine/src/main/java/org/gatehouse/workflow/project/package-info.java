/** Projects: registration, revision and listing (the protection level of guide 8.2/8.3). */
package org.gatehouse.workflow.project;
