/**
 * Manual security testing of a release (issue 6; B.1.3.1-ih, 8.5.1): test cases and the
 * security-function checklist, append-only executions, failures filed as findings of scanner
 * {@code manual}, passes re-testing claimed fixes, and the gate {@code manual-tests.executed}.
 */
package org.gatehouse.findings.manual;
