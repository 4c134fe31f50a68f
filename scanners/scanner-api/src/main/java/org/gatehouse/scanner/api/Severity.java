package org.gatehouse.scanner.api;

/** Gatehouse's severity scale, to which every tool's own scale is mapped. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /**
     * The CVSS-like score of SARIF's {@code security-severity} property on GitHub's bands:
     * ≥ 9.0 critical, ≥ 7.0 high, ≥ 4.0 medium, &gt; 0 low, else info.
     */
    public static Severity ofScore(double score) {
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        return score > 0 ? LOW : INFO;
    }
}
