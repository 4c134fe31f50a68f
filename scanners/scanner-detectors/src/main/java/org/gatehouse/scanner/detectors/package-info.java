/** Gatehouse's SpotBugs plugin (B.1.4.7): detectors of backdoor and web-shell patterns, each bug type with a CWE. */
package org.gatehouse.scanner.detectors;
