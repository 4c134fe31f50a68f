/** Releases of a project: the unit that moves through the security gates (B.1.3.1-ia). */
package org.gatehouse.workflow.release;
