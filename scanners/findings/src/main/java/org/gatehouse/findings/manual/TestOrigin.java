package org.gatehouse.findings.manual;

/** Where a test case came from: written by a tester, or the security-function checklist (8.5.1). */
public enum TestOrigin {
    MANUAL, CHECKLIST
}
