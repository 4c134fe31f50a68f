/** Persistence helpers shared by the workflow components. */
package org.gatehouse.workflow.support;
