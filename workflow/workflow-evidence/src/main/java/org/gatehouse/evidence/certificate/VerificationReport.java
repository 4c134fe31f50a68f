package org.gatehouse.evidence.certificate;

import java.util.List;

/**
 * The outcome of verifying a release certificate: every check with its result and detail, and the
 * verdict. VALID only when every check passed; MALFORMED when the document could not be read.
 */
public record VerificationReport(Verdict verdict, List<Check> checks) {

    public enum Verdict {
        VALID, INVALID, MALFORMED
    }

    /** One named check ({@code structure}, {@code decision 1 signature}, {@code platform seal}, …). */
    public record Check(String name, boolean passed, String detail) {
    }

    public VerificationReport {
        checks = List.copyOf(checks);
    }

    static VerificationReport of(List<Check> checks) {
        return new VerificationReport(checks.stream().allMatch(Check::passed) ? Verdict.VALID : Verdict.INVALID, checks);
    }

    static VerificationReport malformed(String detail) {
        return new VerificationReport(Verdict.MALFORMED, List.of(new Check("structure", false, detail)));
    }

    public boolean isValid() {
        return verdict == Verdict.VALID;
    }

    /** A plain-text rendering, one line per check, the verdict last. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (Check check : checks) {
            out.append(check.passed() ? "PASS  " : "FAIL  ").append(check.name()).append(": ")
                    .append(check.detail().replaceAll("[\\p{Cntrl}\\p{Cf}]", " ")).append('\n');
        }
        return out.append("verdict: ").append(verdict).append('\n').toString();
    }
}
