package org.gatehouse.workflow.sourceaccess;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.identity.access.AccountId;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * A request for, and then a grant of, access to a project's source repository (C.4). Its behaviour is
 * the small lifecycle REQUESTED → APPROVED | REFUSED, APPROVED → REVOKED; an approved grant is in force
 * until {@code validUntil}, then expired (computed from the time, so that expiry needs no job).
 */
public record SourceAccessGrant(UUID id, ProjectKey project, String repository, String grantee, Access access,
        String reason, Instant validUntil, State state, String requestedBy, AccountId requestedById, Instant requestedAt,
        Optional<Decision> decision, Optional<Decision> revocation) {

    /** Hold (read, browse) or clone (a local copy). */
    public enum Access {
        READ, CLONE
    }

    /** The stored state; {@link Standing} adds expiry. */
    public enum State {
        REQUESTED, APPROVED, REFUSED, REVOKED
    }

    /** Where a grant stands at a given time. */
    public enum Standing {
        REQUESTED, IN_FORCE, EXPIRED, REFUSED, REVOKED
    }

    /** Who decided (approved, refused or revoked), when, and why. */
    public record Decision(String by, Instant at, Optional<String> note) {
    }

    public Standing standing(Instant now) {
        return switch (state) {
            case REQUESTED -> Standing.REQUESTED;
            case APPROVED -> now.isBefore(validUntil) ? Standing.IN_FORCE : Standing.EXPIRED;
            case REFUSED -> Standing.REFUSED;
            case REVOKED -> Standing.REVOKED;
        };
    }

    /**
     * Approved by a project owner (the caller checked the permission): not by the requester nor by the
     * grantee (C.4, four eyes), only while requested and not yet past its end.
     */
    public SourceAccessGrant approve(AccountId approverId, String approver, Instant now, Optional<String> note) {
        requireOtherPerson(approverId, approver);
        requireRequested();
        if (!now.isBefore(validUntil)) {
            throw new GrantNotDecidable("source-access.request-expired", id.toString());
        }
        return decided(State.APPROVED, new Decision(approver, now, note));
    }

    /** Refused by a project owner other than the requester and the grantee, while requested. */
    public SourceAccessGrant refuse(AccountId approverId, String approver, Instant now, Optional<String> note) {
        requireOtherPerson(approverId, approver);
        requireRequested();
        return decided(State.REFUSED, new Decision(approver, now, note));
    }

    /** Revoked by a project owner while approved (in force or expired); the reason is required. */
    public SourceAccessGrant revoke(String by, Instant now, String why) {
        if (state != State.APPROVED) {
            throw new GrantNotDecidable("source-access.not-approved", id.toString(), state.name());
        }
        if (why == null || why.isBlank()) {
            throw new GrantInvalid("source-access.revoke-reason-required");
        }
        return new SourceAccessGrant(id, project, repository, grantee, access, reason, validUntil, State.REVOKED,
                requestedBy, requestedById, requestedAt, decision, Optional.of(new Decision(by, now, Optional.of(why.strip()))));
    }

    private void requireOtherPerson(AccountId approverId, String approver) {
        if (approverId.equals(requestedById) || approver.equals(requestedBy) || approver.equals(grantee)) {
            throw new SelfApprovalRefused(id.toString());
        }
    }

    private void requireRequested() {
        if (state != State.REQUESTED) {
            throw new GrantNotDecidable("source-access.not-requested", id.toString(), state.name());
        }
    }

    private SourceAccessGrant decided(State to, Decision decision) {
        return new SourceAccessGrant(id, project, repository, grantee, access, reason, validUntil, to, requestedBy,
                requestedById, requestedAt, Optional.of(decision), revocation);
    }
}
