/** Persistence and time helpers shared by the workflow components. */
package org.gatehouse.workflow.support;
