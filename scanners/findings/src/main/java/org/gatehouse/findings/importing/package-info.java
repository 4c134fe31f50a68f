/** Imports of scanner reports: the queue, the set-based pipeline and its status. */
package org.gatehouse.findings.importing;
