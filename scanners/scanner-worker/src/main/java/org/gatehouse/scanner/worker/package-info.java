/** White-box scans (B.1.3.1-if): SpotBugs + Find Security Bugs in a worker JVM of its own, one scan per JVM. */
package org.gatehouse.scanner.worker;
