/** Black-box scans (B.1.3.1-ig, B.1.4.1 SQL injection and XSS): drives a user-run OWASP ZAP daemon through its API. */
package org.gatehouse.scanner.zapdriver;
