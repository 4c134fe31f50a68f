package org.gatehouse.workflow.lifecycle;

import java.time.Instant;

/**
 * A security administrator's override of one failing gate of a release, with a justification and an
 * expiry (B.1.3.1-ii: every override is recorded). The engine honours it only while
 * {@link #honouredFor} holds; signing and auditing it is the caller's part.
 */
public record Waiver(GateId gate, Participant grantedBy, String justification, Instant grantedAt, Instant expiresAt) {
    public Waiver {
        if (gate == null || grantedBy == null || grantedAt == null || expiresAt == null) {
            throw new IllegalArgumentException("a waiver names its gate, grantor, time and expiry");
        }
        if (justification == null || justification.isBlank()) {
            throw new IllegalArgumentException("a waiver needs a justification");
        }
        if (!expiresAt.isAfter(grantedAt)) {
            throw new IllegalArgumentException("a waiver must expire after it is granted");
        }
    }

    /** Whether it stands in for a failing {@code gate} at {@code now}: right gate, granted by a security administrator, unexpired. */
    public boolean honouredFor(GateId failing, Instant now) {
        return gate.equals(failing) && grantedBy.isSecurityAdministrator() && !now.isBefore(grantedAt)
                && now.isBefore(expiresAt);
    }
}
