/**
 * Scans that Gatehouse runs itself (issue 5): a white-box scan of an uploaded artifact with
 * SpotBugs and Find Security Bugs in a worker JVM of its own (B.1.3.1-if), queued, followed live,
 * cancellable, its report imported as the release's {@code spotbugs} findings.
 */
package org.gatehouse.scans;
