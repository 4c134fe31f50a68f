package org.gatehouse.workflow.release;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.workflow.definition.WorkflowDefinitions;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.identity.outbox.Outbox;
import org.gatehouse.workflow.lifecycle.ActivityId;
import org.gatehouse.workflow.lifecycle.Advance;
import org.gatehouse.workflow.lifecycle.Gate;
import org.gatehouse.workflow.lifecycle.GateId;
import org.gatehouse.workflow.lifecycle.GateRegistry;
import org.gatehouse.workflow.lifecycle.Lifecycle;
import org.gatehouse.workflow.lifecycle.Participant;
import org.gatehouse.workflow.lifecycle.Preview;
import org.gatehouse.workflow.lifecycle.ReleaseState;
import org.gatehouse.workflow.lifecycle.Route;
import org.gatehouse.workflow.lifecycle.Transition;
import org.gatehouse.workflow.lifecycle.TransitionBlocked;
import org.gatehouse.workflow.lifecycle.Trigger;
import org.gatehouse.workflow.lifecycle.Waiver;
import org.gatehouse.workflow.lifecycle.WorkflowDefinition;
import org.gatehouse.workflow.signing.DecisionSignatures;

/**
 * Transaction boundary of release lifecycles (issue 6; B.1.3.1-ia..ii, 8.1–8.7): load the release,
 * let the engine decide, store the new state with its log entry and audit record. Gates are CDI
 * beans contributed by any module; a write locks the release row, so that of two concurrent moves
 * based on the same version one wins and the other is told its version is stale.
 */
@ApplicationScoped
@Transactional
public class ReleaseLifecycles {
    @Inject
    Releases releases;

    @Inject
    WorkflowDefinitions definitions;

    @Inject
    LifecycleLog log;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    DecisionSignatures signatures;

    @Inject
    ReleaseCertificates certificates;

    @Inject
    Outbox outbox;

    @Inject
    @Any
    Instance<Gate> gateBeans;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    private GateRegistry gates;
    private final Map<GateId, Class<?>> messageSources = new HashMap<>();

    /** A release with the engine over its current state. */
    public record Situation(Release release, Lifecycle lifecycle) {
    }

    @PostConstruct
    void collectGates() {
        List<Gate> all = gateBeans.stream().toList();
        gates = GateRegistry.of(all);
        all.forEach(gate -> messageSources.put(gate.id(), gate.getClass()));
    }

    /** Where the release stands and what may be done next (RELEASE_READ). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Situation situation(Actor actor, String releaseId) {
        return situationOf(releases.get(actor, releaseId));
    }

    /** The dry run of a trigger (RELEASE_READ): every gate's answer, changing nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Preview preview(Actor actor, String releaseId, String trigger) {
        return situation(actor, releaseId).lifecycle().preview(trigger(trigger));
    }

    /**
     * What CI asks before it lets a build through: the dry run of {@code advance} from the current
     * phase; empty when the lifecycle has ended (then {@link Situation#lifecycle()} says how).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Preview> gate(Actor actor, String releaseId) {
        Lifecycle lifecycle = situation(actor, releaseId).lifecycle();
        if (lifecycle.definition().isTerminal(lifecycle.phase())) {
            return Optional.empty();
        }
        return Optional.of(lifecycle.preview(Trigger.ADVANCE));
    }

    /** Every forward gate of the release's definition evaluated now (RELEASE_READ): the release board. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Lifecycle.RouteGates> allGates(Actor actor, String releaseId) {
        return situation(actor, releaseId).lifecycle().evaluateAll();
    }

    /**
     * Fires a trigger. Moving forward or back needs RELEASE_ADVANCE; releasing or cancelling needs
     * RELEASE_APPROVE as well (B.1.3.1-ii: going online needs the audit's permission).
     */
    public Situation fire(Actor actor, String releaseId, String triggerName, long expectedVersion) {
        Release release = locked(actor, releaseId, Permission.RELEASE_ADVANCE);
        Trigger trigger = trigger(triggerName);
        Lifecycle lifecycle = lifecycleOf(release);
        Optional<Route> route = lifecycle.definition().route(release.phase(), trigger);
        if (route.isPresent() && needsApproval(lifecycle.definition(), route.get())
                && !actor.may(Permission.RELEASE_APPROVE, release.project())) {
            throw new AccessDenied(Permission.RELEASE_APPROVE);
        }
        Advance advance;
        try {
            advance = lifecycle.advance(trigger, Participant.of(actor, release.project()), expectedVersion);
        } catch (TransitionBlocked blocked) {
            // the refusal rolls back the caller's transaction; its event commits on its own
            outbox.publishAlone(LifecycleEvents.blocked(release, trigger, actor, blocked));
            throw blocked;
        }
        return record(actor, release, lifecycle, advance);
    }

    /** Stores an advance the engine allowed: state, log entry, event, signature, certificate, audit. */
    Situation record(Actor actor, Release release, Lifecycle lifecycle, Advance advance) {
        release.moveTo(advance.state(), lifecycle.definition().isTerminal(advance.state().phase()), clock);
        Transition transition = advance.transition();
        log.append(transition);
        outbox.publish(LifecycleEvents.phaseChanged(release, transition));
        log.sign(release.id(), "transition:" + transition.version(), transition.from() + " -> " + transition.to()
                + " on " + transition.trigger() + waived(transition), transition.by(), transition.at(), Optional.empty());
        if (advance.state().phase() == org.gatehouse.workflow.lifecycle.Phase.RELEASED) {
            certificates.issue(release, lifecycle.at(advance.state()), transition);
        }
        audit.record(actor, AuditEntry.success("release.transition", "release:" + release.id(),
                "project " + release.project() + ", version " + release.version() + ": " + transition.from() + " -> "
                        + transition.to() + " on " + transition.trigger() + " (lifecycle version " + transition.version()
                        + ", " + transition.gates().size() + " gate(s), " + transition.waiversUsed().size() + " waived)"));
        return new Situation(release, lifecycle.at(advance.state()));
    }

    /** Records an activity of the current phase as done (B.1.3.1-ie), with an optional note. */
    public Situation completeActivity(Actor actor, String releaseId, String activity, Optional<String> note,
            long expectedVersion) {
        Release release = locked(actor, releaseId, Permission.RELEASE_ADVANCE);
        if (!ActivityId.isWellFormed(activity)) {
            throw new UnknownLifecycleName("activity", activity);
        }
        Lifecycle lifecycle = lifecycleOf(release);
        ActivityId id = new ActivityId(activity);
        ReleaseState next = lifecycle.completeActivity(id, expectedVersion);
        release.moveTo(next, false, clock);
        Participant by = Participant.of(actor, release.project());
        log.append(release.id(), next.version(), release.phase(), id, by, clock.instant(), note);
        audit.record(actor, AuditEntry.success("release.activity-completed", "release:" + release.id(),
                "phase " + release.phase() + ", activity " + id + " (lifecycle version " + next.version() + ")"));
        return new Situation(release, lifecycle.at(next));
    }

    /** A security administrator waives a failing gate until {@code expiresAt} (B.1.3.1-ii). */
    public Situation waive(Actor actor, String releaseId, String gate, String justification, Instant expiresAt,
            long expectedVersion) {
        Release release = locked(actor, releaseId, Permission.GATE_WAIVE);
        if (!GateId.isWellFormed(gate)) {
            throw new UnknownLifecycleName("gate", gate);
        }
        Lifecycle lifecycle = lifecycleOf(release);
        Instant now = clock.instant();
        Waiver waiver = InvalidWaiver.check(() -> new Waiver(new GateId(gate), Participant.of(actor, release.project()),
                justification, now, expiresAt), now, expiresAt);
        ReleaseState next = lifecycle.waive(waiver, expectedVersion);
        release.moveTo(next, false, clock);
        log.append(release.id(), waiver);
        log.sign(release.id(), "waiver:" + gate + ":" + next.version(), "waive " + gate + " until " + expiresAt,
                waiver.grantedBy(), now, Optional.of(justification));
        audit.record(actor, AuditEntry.success("release.gate-waived", "release:" + release.id(),
                "gate " + gate + " in phase " + release.phase() + " until " + expiresAt + ": " + justification));
        return new Situation(release, lifecycle.at(next));
    }

    /** The signed decisions of the release, each checked now against the platform's CA (RELEASE_READ). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DecisionSignatures.Checked> signatures(Actor actor, String releaseId) {
        return signatures.check(releases.get(actor, releaseId).id());
    }

    /** The release's transition log, oldest first (RELEASE_READ). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Transition> transitions(Actor actor, String releaseId) {
        return log.transitions(releases.get(actor, releaseId).id());
    }

    /** The activities recorded for the release, oldest first (RELEASE_READ). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LifecycleLog.ActivityRecord> activities(Actor actor, String releaseId) {
        return log.activities(releases.get(actor, releaseId).id());
    }

    /** The class beside whose {@code Messages} bundle a gate's reasons are; the engine's own otherwise. */
    public Class<?> messageSource(Optional<GateId> gate) {
        return gate.<Class<?>>map(messageSources::get).orElse(Lifecycle.class);
    }

    Release locked(Actor actor, String releaseId, Permission permission) {
        Release release = releases.get(actor, releaseId);
        if (!actor.may(permission, release.project())) {
            throw new AccessDenied(permission);
        }
        em.refresh(release, LockModeType.PESSIMISTIC_WRITE);
        return release;
    }

    private Situation situationOf(Release release) {
        return new Situation(release, lifecycleOf(release));
    }

    Lifecycle lifecycleOf(Release release) {
        WorkflowDefinition definition = definitions.get(release.definition());
        return new Lifecycle(definition, release.lifecycleState(log.waivers(release.id())), gates, clock);
    }

    private static String waived(Transition transition) {
        return transition.waiversUsed().isEmpty() ? "" : ", waived: " + String.join(", ", transition.waiversUsed().stream()
                .map(w -> w.gate().value()).toList());
    }

    private static boolean needsApproval(WorkflowDefinition definition, Route route) {
        return route.kind() == Route.Kind.CANCEL || route.kind() == Route.Kind.FORWARD && definition.isTerminal(route.to());
    }

    private static Trigger trigger(String name) {
        if (!Trigger.isWellFormed(name)) {
            throw new UnknownLifecycleName("trigger", String.valueOf(name));
        }
        return new Trigger(name);
    }
}
