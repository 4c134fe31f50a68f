package org.gatehouse.findings.finding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.access.SeparationOfDuties;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.identity.audit.Notifications;
import org.gatehouse.platform.error.ConcurrentModification;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.StaleVersion;
import org.gatehouse.platform.time.UtcTime;

/**
 * Transaction boundary for decisions on findings (issue 4): triage, manual re-tests, the
 * four-eyes decision on dismissals, reopening, and the expiry of risk acceptances. Every change is
 * written to the finding's history and to the audit trail with its reason, in the same transaction.
 */
@ApplicationScoped
@Transactional
public class Findings {
    /** At most this many findings in one bulk triage request. */
    public static final int MAX_BULK = 500;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    org.gatehouse.identity.outbox.Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Notifications notifications;

    @Inject
    @ConfigProperty(name = "gatehouse.risk-acceptance.max-days", defaultValue = "90")
    int maxAcceptanceDays;

    /** The finding, when the actor may read findings of its project. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Finding get(Actor actor, String id) {
        return find(actor, Permission.FINDING_READ, id);
    }

    /** A triage decision on one finding seen at {@code expectedVersion}. */
    public Finding triage(Actor actor, String id, long expectedVersion, TriageAction action, String reason,
            Optional<OffsetDateTime> until) {
        Finding finding = current(actor, Permission.FINDING_TRIAGE, id, expectedVersion);
        apply(actor, finding, action, reason, until);
        return flushed(finding);
    }

    /** The result of a bulk triage: what changed and what was refused, with why. */
    public record BulkResult(List<String> applied, List<Refusal> refused) {
    }

    /** A finding of a bulk request that was left as it was. */
    public record Refusal(String id, DomainException reason) {
    }

    /**
     * The same triage decision on many findings: all of them must be findings the actor may triage
     * (else the whole request is denied); the decision is applied where the state allows it and
     * refused, with the reason, where not. The applied ones commit together.
     */
    public BulkResult triageAll(Actor actor, List<String> ids, TriageAction action, String reason,
            Optional<OffsetDateTime> until) {
        return bulk(actor, Permission.FINDING_TRIAGE, ids, finding -> apply(actor, finding, action, reason, until));
    }

    /**
     * One change on each of many findings: any finding the actor lacks {@code permission} for denies the whole
     * request; unknown ids and the changes the finding's state or the four-eyes rule refuse are listed.
     */
    private BulkResult bulk(Actor actor, Permission permission, List<String> ids, Consumer<Finding> change) {
        if (ids.isEmpty() || ids.size() > MAX_BULK) {
            throw new BulkSize();
        }
        List<String> applied = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        List<Finding> found = new ArrayList<>();
        for (String id : ids.stream().distinct().toList()) {
            try {
                found.add(find(actor, permission, id));
            } catch (FindingNotFound e) {
                refused.add(new Refusal(id, e));
            }
        }
        for (Finding finding : found) {
            try {
                change.accept(finding);
                applied.add(finding.id().toString());
            } catch (InvalidTransition | SeparationOfDuties.Violated e) {
                refused.add(new Refusal(finding.id().toString(), e));
            }
        }
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentModification();
        }
        return new BulkResult(applied, refused);
    }

    /** A tester's or security reviewer's manual re-test of a claimed fix (B.1.3.1-ih). */
    public Finding retest(Actor actor, String id, long expectedVersion, boolean passed, String evidence) {
        Finding finding = current(actor, Permission.FINDING_VERIFY, id, expectedVersion);
        record(actor, "finding.retested", finding.retest(passed, evidence, now()));
        return flushed(finding);
    }

    /** A security reviewer, not the requester, approves or rejects a requested dismissal. */
    public Finding decide(Actor actor, String id, long expectedVersion, boolean approve, String reason) {
        Finding finding = current(actor, Permission.FINDING_APPROVE, id, expectedVersion);
        decide(actor, finding, approve, reason);
        return flushed(finding);
    }

    /**
     * The same decision on many pending requests, as {@link #triageAll}: all of them must be findings the actor may
     * decide on (else the whole request is denied); each is decided where the four-eyes rule allows it — a security
     * reviewer of the finding's project who is not its requester (B.1.3.1-ih) — and refused, with the reason, where
     * not (no pending request, the actor's own request). The decided ones commit together, each with its history
     * entry and audit record as a single decision.
     */
    public BulkResult decideAll(Actor actor, List<String> ids, boolean approve, String reason) {
        return bulk(actor, Permission.FINDING_APPROVE, ids, finding -> decide(actor, finding, approve, reason));
    }

    private void decide(Actor actor, Finding finding, boolean approve, String reason) {
        String requested = finding.pendingRequest().map(r -> r.state().name()).orElse("-");
        Optional<Finding.StateChange> change = finding.decide(actor, approve, reason, now());
        if (change.isPresent()) {
            record(actor, "finding.dismissal-approved", change.get());
        } else {
            audit.record(actor, AuditEntry.success("finding.dismissal-rejected", "finding:" + finding.id(),
                    "request for " + requested + " rejected: " + (reason == null ? "" : reason)));
        }
    }

    /**
     * What {@code actor} can do with the finding now, as the ids the API takes: the triage actions, {@code retest},
     * {@code decide} and {@code reopen}, each where the actor holds its permission in the finding's project and the
     * finding's state (and, for a decision, the four-eyes rule) allows it. The UI shows these buttons; every request
     * is checked again.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> permitted(Actor actor, Finding finding) {
        List<String> actions = new ArrayList<>();
        if (actor.may(Permission.FINDING_TRIAGE, finding.project())) {
            for (TriageAction action : TriageAction.values()) {
                if (finding.allows(action, actor)) {
                    actions.add(action.id());
                }
            }
        }
        if (actor.may(Permission.FINDING_VERIFY, finding.project()) && finding.retestable()) {
            actions.add("retest");
        }
        if (actor.may(Permission.FINDING_APPROVE, finding.project())) {
            if (finding.decidableBy(actor)) {
                actions.add("decide");
            }
            if (finding.reopenable()) {
                actions.add("reopen");
            }
        }
        return actions;
    }

    /** The latest expiry a risk acceptance requested now may have ({@code gatehouse.risk-acceptance.max-days}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OffsetDateTime latestAcceptanceExpiry() {
        return now().plusDays(maxAcceptanceDays);
    }

    /** A security reviewer reopens a dismissed, suppressed or verified finding. */
    public Finding reopen(Actor actor, String id, long expectedVersion, String reason) {
        Finding finding = current(actor, Permission.FINDING_APPROVE, id, expectedVersion);
        record(actor, "finding.reopened", finding.reopen(reason, now()));
        return flushed(finding);
    }

    /**
     * What a linked issue tracker reports (issue 7), applied by the system actor that names the tracker
     * and the issue: a resolved issue claims a fix (an open finding becomes fixed-unverified and still
     * needs a scan or re-test, B.1.3.1-ih); an issue no longer resolved takes the claim back (a fixed or
     * verified finding is reopened). Anything else leaves the finding as it is (empty): the tracker never
     * dismisses, verifies or overrides a four-eyes decision.
     */
    public Optional<Finding.StateChange> trackerReported(Actor tracker, FindingId id, boolean resolved,
            SystemReason reason) {
        if (tracker.kind() != Actor.Kind.SYSTEM) {
            throw new IllegalArgumentException("tracker changes are made by the system actor of the tracker");
        }
        Finding finding = Optional.ofNullable(em.find(Finding.class, id.value())).orElseThrow(
                () -> new FindingNotFound(id.toString()));
        Optional<Finding.StateChange> change = Optional.empty();
        if (resolved && finding.state().isOpen()) {
            change = Optional.of(finding.markFixed(reason.text(), now()));
            record(tracker, "finding.tracker-fixed", change.get(), Optional.of(reason));
        } else if (!resolved && finding.state() == FindingState.FIXED_UNVERIFIED) {
            change = Optional.of(finding.withdrawFixClaim(reason.text(), now()));
            record(tracker, "finding.tracker-reopened", change.get(), Optional.of(reason));
        } else if (!resolved && finding.state() == FindingState.VERIFIED) {
            change = Optional.of(finding.reopen(reason.text(), now()));
            record(tracker, "finding.tracker-reopened", change.get(), Optional.of(reason));
        }
        flushed(finding);
        return change;
    }

    /** Reopens every risk acceptance whose expiry has passed; returns how many. */
    public int expireAcceptances() {
        OffsetDateTime now = now();
        List<Finding> expired = em.createQuery("select f from Finding f where f.state = :state and f.acceptedUntil <= :now",
                        Finding.class)
                .setParameter("state", FindingState.RISK_ACCEPTED).setParameter("now", now)
                .setMaxResults(1000).getResultList();
        Actor system = Actor.system("risk-acceptance-expiry");
        java.util.Map<org.gatehouse.workflow.api.ProjectKey, List<java.util.UUID>> byProject = new java.util.TreeMap<>();
        for (Finding finding : expired) {
            byProject.computeIfAbsent(finding.project(), p -> new java.util.ArrayList<>()).add(finding.id().value());
            OffsetDateTime until = finding.acceptedUntil().orElse(now);
            record(system, "finding.acceptance-expired", finding.reopen(SystemReason.ACCEPTANCE_EXPIRED.text(), now),
                    Optional.of(SystemReason.ACCEPTANCE_EXPIRED));
            notifications.toProjectOwners(finding.project().value(), "risk-acceptance-expired",
                    "Risk acceptance expired: " + finding.title() + " / 风险接受已到期：" + finding.title(),
                    "The risk acceptance of finding " + finding.id() + " (" + finding.location() + ") expired on "
                            + until + "; the finding is open again. / 发现项 " + finding.id() + "（" + finding.location()
                            + "）的风险接受已于 " + until + " 到期，该发现项已重新打开。", now);
        }
        byProject.forEach((project, ids) -> outbox.publish(DeadlineEvents.expired(project, ids)));
        return expired.size();
    }

    private void apply(Actor actor, Finding finding, TriageAction action, String reason, Optional<OffsetDateTime> until) {
        OffsetDateTime now = now();
        switch (action) {
            case CONFIRM -> record(actor, "finding.confirmed", finding.confirm(reason, now));
            case MARK_FIXED -> record(actor, "finding.marked-fixed", finding.markFixed(reason, now));
            case REQUEST_FALSE_POSITIVE, REQUEST_RISK_ACCEPTANCE -> {
                FindingState wanted = action == TriageAction.REQUEST_FALSE_POSITIVE ? FindingState.FALSE_POSITIVE
                        : FindingState.RISK_ACCEPTED;
                finding.requestDismissal(actor, wanted, reason, until, Duration.ofDays(maxAcceptanceDays), now);
                audit.record(actor, AuditEntry.success("finding.dismissal-requested", "finding:" + finding.id(),
                        wanted.name() + until.map(u -> " until " + u).orElse("") + ": " + reason));
            }
            case WITHDRAW_REQUEST -> {
                finding.withdrawRequest(actor);
                audit.record(actor, AuditEntry.success("finding.request-withdrawn", "finding:" + finding.id(),
                        reason == null ? "" : reason));
            }
        }
    }

    /** A change whose reason is a person's own (no key). */
    private void record(Actor actor, String type, Finding.StateChange change) {
        record(actor, type, change, Optional.empty());
    }

    /**
     * Writes the history entry and the audit record of a change; {@code system} is the key and arguments of a reason
     * Gatehouse wrote (V34; the change's reason is its English text), empty for a person's own.
     */
    private void record(Actor actor, String type, Finding.StateChange change, Optional<SystemReason> system) {
        // ARRAY[?8, ?9 ]: EclipseLink reads a positional parameter up to the next space, comma or parenthesis
        List<String> args = system.map(SystemReason::args).orElse(List.of());
        StringBuilder array = new StringBuilder(args.isEmpty() ? "NULL" : "ARRAY[");
        for (int i = 0; i < args.size(); i++) {
            array.append(i == 0 ? "" : ", ").append('?').append(8 + i);
        }
        var insert = em.createNativeQuery("INSERT INTO finding_event (finding_id, occurred_at, actor, from_state,"
                        + " to_state, reason, reason_key, reason_args) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                        + (system.isPresent() ? "?7" : "NULL") + ", " + array + (args.isEmpty() ? "" : " ]::text[]") + ")")
                .setParameter(1, change.finding().value()).setParameter(2, now()).setParameter(3, actor.name())
                .setParameter(4, change.from().name()).setParameter(5, change.to().name())
                .setParameter(6, change.reason());
        system.ifPresent(reason -> insert.setParameter(7, reason.key()));
        for (int i = 0; i < args.size(); i++) {
            insert.setParameter(8 + i, args.get(i));
        }
        insert.executeUpdate();
        audit.record(actor, AuditEntry.success(type, "finding:" + change.finding(),
                change.from() + " -> " + change.to() + (change.reason().isEmpty() ? "" : ": " + change.reason())));
    }

    private Finding current(Actor actor, Permission permission, String id, long expectedVersion) {
        Finding finding = find(actor, permission, id);
        if (finding.rowVersion() != expectedVersion) {
            throw new StaleVersion("\"" + expectedVersion + "\"", finding.rowVersion());
        }
        return finding;
    }

    private Finding find(Actor actor, Permission permission, String id) {
        Optional<Finding> finding = FindingId.parse(id).map(f -> em.find(Finding.class, f.value()));
        boolean allowed = finding.isPresent() ? actor.may(permission, finding.get().project())
                : actor.mayInSomeProject(permission);
        if (!allowed) {
            throw new AccessDenied(permission);
        }
        return finding.orElseThrow(() -> new FindingNotFound(id));
    }

    private Finding flushed(Finding finding) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentModification();
        }
        return finding;
    }

    private OffsetDateTime now() {
        return UtcTime.now(clock);
    }

    /** A bulk request names no finding or too many. */
    public static final class BulkSize extends DomainException {
        private static final long serialVersionUID = 1L;

        BulkSize() {
            super(org.gatehouse.platform.error.ProblemType.VALIDATION_FAILED, "finding.bulk-size", MAX_BULK);
        }
    }
}
