package org.gatehouse.findings.finding;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.gatehouse.identity.access.AccountId;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Role;
import org.gatehouse.identity.access.SeparationOfDuties;
import org.gatehouse.scanner.api.Severity;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * A tracked finding: one per project, scanner and fingerprint, created by an import and changed by
 * later imports (set-based, in the import pipeline) and by the triage decisions below. Every method
 * that changes the state returns the {@link StateChange} for the finding's history and the audit
 * trail; one that is not allowed from the current state throws {@link InvalidTransition}.
 */
@Entity
@Table(name = "finding")
public class Finding {
    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "project_key", nullable = false, updatable = false)
    private String projectKey;

    @Column(name = "scanner", nullable = false, updatable = false)
    private String scanner;

    @Column(name = "fingerprint", nullable = false, updatable = false)
    private String fingerprint;

    @Column(name = "tool", nullable = false, updatable = false)
    private String tool;

    @Column(name = "rule_id", nullable = false, updatable = false)
    private String ruleId;

    @Column(name = "title", nullable = false, updatable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", nullable = false, updatable = false)
    private Severity severity;

    @Column(name = "cwe", updatable = false)
    private Integer cwe;

    @Column(name = "location", nullable = false, updatable = false)
    private String location;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private FindingState state;

    @Column(name = "suppression", updatable = false)
    private String suppression;

    @Column(name = "first_import", nullable = false, updatable = false)
    private UUID firstImport;

    @Convert(converter = UuidColumn.class)
    @Column(name = "fixed_import")
    private UUID fixedImport;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "due_at", nullable = false, updatable = false)
    private OffsetDateTime dueAt;

    @Column(name = "state_changed_at", nullable = false)
    private OffsetDateTime stateChangedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "requested_state")
    private FindingState requestedState;

    @Convert(converter = UuidColumn.class)
    @Column(name = "requested_by")
    private UUID requestedBy;

    @Column(name = "requested_by_name")
    private String requestedByName;

    @Column(name = "requested_at")
    private OffsetDateTime requestedAt;

    @Column(name = "request_reason")
    private String requestReason;

    @Column(name = "request_expires")
    private OffsetDateTime requestExpires;

    @Column(name = "approved_by_name")
    private String approvedByName;

    @Column(name = "accepted_until")
    private OffsetDateTime acceptedUntil;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Finding() {
        // for JPA; findings are created by the import pipeline
    }

    /** A change of state, for the history and the audit trail. */
    public record StateChange(FindingId finding, FindingState from, FindingState to, String reason) {
    }

    /** A pending request to dismiss the finding, awaiting a second person. */
    public record DismissalRequest(FindingState state, String requestedBy, OffsetDateTime requestedAt, String reason,
            Optional<OffsetDateTime> acceptUntil) {
    }

    /**
     * Whether the triage action is possible now for {@code actor} (the UI's buttons; the boundary checks the
     * permission): the same conditions the actions themselves enforce.
     */
    public boolean allows(TriageAction action, Actor actor) {
        return switch (action) {
            case CONFIRM -> confirmable();
            case MARK_FIXED -> state.isOpen();
            case REQUEST_FALSE_POSITIVE, REQUEST_RISK_ACCEPTANCE -> dismissalRequestable();
            case WITHDRAW_REQUEST -> requestedState != null && isRequester(actor);
        };
    }

    /** Whether a manual re-test can be recorded: a fix is claimed (B.1.3.1-ih). */
    public boolean retestable() {
        return state == FindingState.FIXED_UNVERIFIED;
    }

    /** Whether {@code approver} may decide the pending request: a security reviewer of the project, not the requester. */
    public boolean decidableBy(Actor approver) {
        return requestedState != null && approver.account().isPresent() && !isRequester(approver)
                && approver.rolesIn(project()).contains(Role.SECURITY_REVIEWER);
    }

    /** Whether a security reviewer can reopen the finding: dismissed, suppressed or verified. */
    public boolean reopenable() {
        return state.isDismissed() || state == FindingState.SUPPRESSED || state == FindingState.VERIFIED;
    }

    private boolean confirmable() {
        return state == FindingState.NEW || state == FindingState.REOPENED;
    }

    private boolean dismissalRequestable() {
        return state.isOpen() && requestedState == null;
    }

    private boolean isRequester(Actor actor) {
        return requestedBy != null && actor.account().map(AccountId::value).filter(requestedBy::equals).isPresent();
    }

    /** Confirms that the finding is real (triage). */
    public StateChange confirm(String reason, OffsetDateTime now) {
        require(confirmable(), "confirm");
        return moveTo(FindingState.CONFIRMED, reason, now);
    }

    /** A developer says it is fixed; a later scan of a newer build or a re-test verifies it. */
    public StateChange markFixed(String reason, OffsetDateTime now) {
        require(state.isOpen(), "mark-fixed");
        fixedImport = null;
        return moveTo(FindingState.FIXED_UNVERIFIED, reason, now);
    }

    /**
     * A manual re-test of a claimed fix by a tester or security reviewer (the boundary checks the
     * permission): passed verifies it, failed reopens it.
     */
    public StateChange retest(boolean passed, String evidence, OffsetDateTime now) {
        require(retestable(), "retest");
        if (passed) {
            return moveTo(FindingState.VERIFIED, evidence, now);
        }
        fixedImport = null;
        return moveTo(FindingState.REOPENED, evidence, now);
    }

    /**
     * The claim of a fix is taken back — the linked issue in the tracker was reopened (issue 7): the
     * finding is open again. A claimed fix still needs a scan or a re-test to count (B.1.3.1-ih).
     */
    public StateChange withdrawFixClaim(String reason, OffsetDateTime now) {
        require(state == FindingState.FIXED_UNVERIFIED, "withdraw-fix");
        fixedImport = null;
        return moveTo(FindingState.REOPENED, reason, now);
    }

    /**
     * Asks for a dismissal. The state does not change until a security reviewer who is not the
     * requester approves; a risk acceptance needs an expiry no later than {@code maxAcceptance}.
     */
    public void requestDismissal(Actor requester, FindingState wanted, String reason, Optional<OffsetDateTime> until,
            Duration maxAcceptance, OffsetDateTime now) {
        if (!wanted.isDismissed()) {
            throw new IllegalArgumentException("not a dismissal: " + wanted);
        }
        require(dismissalRequestable(), "request-dismissal");
        if (reason == null || reason.isBlank()) {
            throw new InvalidTransition("finding.reason-required");
        }
        if (wanted == FindingState.RISK_ACCEPTED) {
            OffsetDateTime expiry = until.orElseThrow(() -> new InvalidTransition("finding.expiry-required"));
            if (!expiry.isAfter(now) || expiry.isAfter(now.plus(maxAcceptance))) {
                throw new InvalidTransition("finding.expiry-out-of-range", maxAcceptance.toDays());
            }
            requestExpires = expiry;
        } else {
            requestExpires = null;
        }
        requestedState = wanted;
        requestedBy = requester.account().map(AccountId::value)
                .orElseThrow(() -> new InvalidTransition("finding.requester-unknown"));
        requestedByName = requester.name();
        requestedAt = now;
        requestReason = reason;
    }

    /** The requester takes the request back. */
    public void withdrawRequest(Actor requester) {
        require(requestedState != null, "withdraw");
        if (!isRequester(requester)) {
            throw new InvalidTransition("finding.not-requester");
        }
        clearRequest();
    }

    /**
     * A security reviewer of the project, who is not the requester, decides on the pending
     * dismissal (four-eyes rule; B.1.3.1-ih with the identity issue's separation of duties).
     */
    public Optional<StateChange> decide(Actor approver, boolean approve, String reason, OffsetDateTime now) {
        require(requestedState != null, "decide");
        SeparationOfDuties.requireApprover(new AccountId(requestedBy), approver, Role.SECURITY_REVIEWER, project());
        if (!approve) {
            clearRequest();
            return Optional.empty();
        }
        FindingState target = requestedState;
        acceptedUntil = target == FindingState.RISK_ACCEPTED ? requestExpires : null;
        approvedByName = approver.name();
        String why = requestReason + (reason == null || reason.isBlank() ? "" : " / " + reason);
        clearRequest();
        return Optional.of(moveTo(target, why, now));
    }

    /** A security reviewer withdraws a dismissal, a suppression or a verification: the finding is open again. */
    public StateChange reopen(String reason, OffsetDateTime now) {
        require(reopenable(), "reopen");
        acceptedUntil = null;
        approvedByName = null;
        fixedImport = null;
        return moveTo(FindingState.REOPENED, reason, now);
    }

    private StateChange moveTo(FindingState target, String reason, OffsetDateTime now) {
        StateChange change = new StateChange(id(), state, target, reason == null ? "" : reason);
        state = target;
        stateChangedAt = now;
        if (target != FindingState.RISK_ACCEPTED) {
            acceptedUntil = null;
        }
        return change;
    }

    private void clearRequest() {
        requestedState = null;
        requestedBy = null;
        requestedByName = null;
        requestedAt = null;
        requestReason = null;
        requestExpires = null;
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new InvalidTransition("finding.transition", action, state.name());
        }
    }

    public FindingId id() {
        return new FindingId(id);
    }

    public ProjectKey project() {
        return new ProjectKey(projectKey);
    }

    public String scanner() {
        return scanner;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String tool() {
        return tool;
    }

    public String ruleId() {
        return ruleId;
    }

    public String title() {
        return title;
    }

    public Severity severity() {
        return severity;
    }

    public OptionalInt cwe() {
        return cwe == null ? OptionalInt.empty() : OptionalInt.of(cwe);
    }

    public String location() {
        return location;
    }

    public FindingState state() {
        return state;
    }

    public Optional<String> suppression() {
        return Optional.ofNullable(suppression);
    }

    public UUID firstImport() {
        return firstImport;
    }

    public Optional<UUID> fixedImport() {
        return Optional.ofNullable(fixedImport);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime dueAt() {
        return dueAt;
    }

    /** Open past its SLA due date. */
    public boolean slaBreached(OffsetDateTime now) {
        return state.isOpen() && dueAt.isBefore(now);
    }

    public OffsetDateTime stateChangedAt() {
        return stateChangedAt;
    }

    public Optional<DismissalRequest> pendingRequest() {
        return Optional.ofNullable(requestedState).map(s -> new DismissalRequest(s, requestedByName, requestedAt,
                requestReason, Optional.ofNullable(requestExpires)));
    }

    public Optional<String> approvedBy() {
        return Optional.ofNullable(approvedByName);
    }

    public Optional<OffsetDateTime> acceptedUntil() {
        return Optional.ofNullable(acceptedUntil);
    }

    public long rowVersion() {
        return rowVersion;
    }

    /**
     * A finding as an import creates it, for the domain tests: the import pipeline itself inserts
     * findings set-based in SQL, never through this entity.
     */
    static Finding imported(UUID id, ProjectKey project, String scanner, String fingerprint, String ruleId,
            Severity severity, FindingState state, OffsetDateTime now, Duration sla) {
        Finding finding = new Finding();
        finding.id = id;
        finding.projectKey = project.value();
        finding.scanner = scanner;
        finding.fingerprint = fingerprint;
        finding.tool = scanner;
        finding.ruleId = ruleId;
        finding.title = ruleId;
        finding.severity = severity;
        finding.location = "";
        finding.state = state;
        finding.createdAt = now;
        finding.dueAt = now.plus(sla);
        finding.stateChangedAt = now;
        finding.firstImport = id;
        return finding;
    }
}
