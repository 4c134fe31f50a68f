package org.gatehouse.workflow.release;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.workflow.lifecycle.ActivityId;
import org.gatehouse.workflow.lifecycle.BlockingReason;
import org.gatehouse.workflow.lifecycle.Lifecycle;
import org.gatehouse.workflow.lifecycle.Participant;
import org.gatehouse.workflow.lifecycle.Phase;
import org.gatehouse.workflow.lifecycle.Preview;
import org.gatehouse.workflow.lifecycle.Reason;
import org.gatehouse.workflow.lifecycle.ReleaseState;
import org.gatehouse.workflow.lifecycle.Trigger;

/**
 * The CI-scoped advance (issue 7, ADR 0012; B.1.3.1-ie/if): after a pushed scan finished, a CI
 * service account whose token carries {@code releases:advance-scan} ({@link Permission#RELEASE_ADVANCE_SCAN})
 * records the scan's activity and moves the release out of TESTING — and only that: only from
 * TESTING, only forward, never into a terminal phase (releasing stays RELEASE_APPROVE), and only when
 * every gate passes on its own: a gate that passes because a person waived it stops CI (CI never
 * waives, nor rides on a waiver). The move is the engine's ordinary advance, logged, signed with the
 * service account's own key (enrolled on first use), published and audited like a person's.
 */
@ApplicationScoped
@Transactional
public class ScanAdvances {
    /** The reason CI stops when a gate only passes through a waiver. */
    static final String WAIVED = "lifecycle.ci-waived-gate";

    @Inject
    ReleaseLifecycles lifecycles;

    @Inject
    Releases releases;

    @Inject
    LifecycleLog log;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** What happened: ADVANCED (from → to), BLOCKED (with every reason) or NOT_IN_TESTING (nothing). */
    public enum Outcome { ADVANCED, BLOCKED, NOT_IN_TESTING }

    public record Result(Outcome outcome, ReleaseLifecycles.Situation situation, Phase from,
            Optional<ActivityId> activityCompleted, List<BlockingReason> reasons) {
    }

    /** Completes {@code activity} (when the phase has it open) and advances when every gate passes unwaived. */
    public Result advanceAfterScan(Actor actor, String releaseId, Optional<ActivityId> activity) {
        if (!actor.may(Permission.RELEASE_ADVANCE_SCAN, releases.get(actor, releaseId).project())) {
            throw new CapabilityRequired("advance the release after a scan", "releases:advance-scan");
        }
        Release release = lifecycles.locked(actor, releaseId, Permission.RELEASE_ADVANCE_SCAN);
        Lifecycle lifecycle = lifecycles.lifecycleOf(release);
        Phase from = release.phase();
        if (from != Phase.TESTING) {
            return new Result(Outcome.NOT_IN_TESTING, new ReleaseLifecycles.Situation(release, lifecycle), from,
                    Optional.empty(), List.of());
        }
        Participant by = Participant.of(actor, release.project());
        Optional<ActivityId> completed = activity.filter(lifecycle.openActivities()::contains);
        if (completed.isPresent()) {
            ReleaseState next = lifecycle.completeActivity(completed.get(), lifecycle.state().version());
            release.moveTo(next, false, clock);
            log.append(release.id(), next.version(), from, completed.get(), by, clock.instant(),
                    Optional.of("recorded by CI after a pushed scan"));
            audit.record(actor, AuditEntry.success("release.activity-completed", "release:" + release.id(),
                    "phase " + from + ", activity " + completed.get() + " (lifecycle version " + next.version()
                            + ", by CI after a pushed scan)"));
            lifecycle = lifecycle.at(next);
        }
        Preview preview = lifecycle.preview(Trigger.ADVANCE);
        List<BlockingReason> reasons = new java.util.ArrayList<>(preview.blockingReasons());
        preview.waiversUsed().forEach(waiver -> reasons.add(new BlockingReason(Optional.of(waiver.gate()),
                Reason.of(WAIVED, waiver.gate().value()), false)));
        boolean terminal = lifecycle.definition().isTerminal(preview.route().to());
        if (!preview.passes() || !reasons.isEmpty() || terminal) {
            if (terminal) {
                reasons.add(new BlockingReason(Optional.empty(), Reason.of("lifecycle.ci-terminal", preview.route().to().name()),
                        false));
            }
            return new Result(Outcome.BLOCKED, new ReleaseLifecycles.Situation(release, lifecycle), from, completed,
                    List.copyOf(reasons));
        }
        ReleaseLifecycles.Situation moved = lifecycles.record(actor, release, lifecycle,
                lifecycle.advance(Trigger.ADVANCE, by, lifecycle.state().version()));
        return new Result(Outcome.ADVANCED, moved, from, completed, List.of());
    }
}
