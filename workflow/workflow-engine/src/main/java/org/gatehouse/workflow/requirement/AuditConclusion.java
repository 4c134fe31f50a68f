package org.gatehouse.workflow.requirement;

import java.time.Instant;

/** The security reviewer's verdict and conclusion in the Security Audit Report (B.1.3.1-ih/ii). */
public record AuditConclusion(Verdict verdict, String conclusion, String writtenBy, Instant writtenAt) {

    /** Whether the report permits going online (B.1.3.1-ii). */
    public enum Verdict {
        APPROVE, REJECT
    }
}
