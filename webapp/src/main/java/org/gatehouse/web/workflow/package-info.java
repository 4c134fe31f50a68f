/** REST over the workflow definitions (issue 6, ADR 0023). */
package org.gatehouse.web.workflow;
