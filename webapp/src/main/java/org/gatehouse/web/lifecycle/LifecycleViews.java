package org.gatehouse.web.lifecycle;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gatehouse.identity.access.Role;
import org.gatehouse.workflow.lifecycle.ActivityId;
import org.gatehouse.workflow.lifecycle.BlockingReason;
import org.gatehouse.workflow.lifecycle.GateEvaluation;
import org.gatehouse.workflow.lifecycle.GateId;
import org.gatehouse.workflow.lifecycle.GateResult;
import org.gatehouse.workflow.lifecycle.Lifecycle;
import org.gatehouse.workflow.lifecycle.Phase;
import org.gatehouse.workflow.lifecycle.Preview;
import org.gatehouse.workflow.lifecycle.Reason;
import org.gatehouse.workflow.lifecycle.Transition;
import org.gatehouse.workflow.lifecycle.TriggerOption;
import org.gatehouse.workflow.lifecycle.Waiver;
import org.gatehouse.workflow.release.LifecycleLog;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.ReleaseLifecycles;

/**
 * How the API shows lifecycles. Reasons carry their stable message key and arguments (for
 * machines) and the text in the client's language (for people).
 */
final class LifecycleViews {
    private final ReleaseLifecycles lifecycles;
    private final Locale locale;
    private final Instant now;

    LifecycleViews(ReleaseLifecycles lifecycles, Locale locale, Instant now) {
        this.lifecycles = lifecycles;
        this.locale = locale;
        this.now = now;
    }

    /** Where a release stands: its definition's phases in order, the current one, what may be done next. */
    public record LifecycleView(String release, String project, String version, String definition, int definitionVersion,
            List<String> phases, String phase, long lifecycleVersion, boolean closed, boolean handedOver,
            List<String> activities, List<String> completedActivities, List<String> openActivities,
            List<TriggerView> permitted, List<WaiverView> waivers) {
    }

    /** A trigger the caller may fire from here, whether it would pass now, and why not. */
    public record TriggerView(String trigger, String target, String kind, boolean passesNow, List<ReasonView> reasons) {
    }

    /** One reason a move cannot happen now: from a gate (its id) or the engine (an open activity). */
    public record ReasonView(String gate, String key, List<String> arguments, String message, boolean pending) {
    }

    /** One gate's answer: PASSED, BLOCKED, PENDING, or WAIVED (failed, and a waiver stood in). */
    public record GateView(String gate, String outcome, List<ReasonView> reasons, WaiverView waiver) {
    }

    public record WaiverView(String gate, String grantedBy, List<String> grantedRoles, String justification,
            Instant grantedAt, Instant expiresAt, boolean active) {
    }

    /** The dry run of a trigger. */
    public record PreviewView(String trigger, String from, String to, boolean passes, List<GateView> gates,
            List<String> openActivities, List<ReasonView> reasons) {
    }

    /** What CI reads: pass or fail with every blocking reason. */
    public record GateAnswerView(String release, String project, String version, String phase, String trigger,
            String target, boolean passes, String verdict, List<GateView> gates, List<ReasonView> reasons) {
    }

    /** The gates of one forward move of the pipeline, evaluated now. */
    public record RouteGatesView(String from, String to, String trigger, boolean passes, List<GateView> gates) {
    }

    public record TransitionView(long lifecycleVersion, String from, String to, String trigger, String actor,
            List<String> actorRoles, Instant at, List<GateView> gates) {
    }

    /** A signed decision: who signed what, when, and whether signature and RFC 3161 time-stamp check out now. */
    public record SignatureView(String subject, String signer, Instant signedAt, String algorithm, boolean valid,
            Instant timeStampedAt, String problem, String statement, String timeStampAuthority) {
    }

    static SignatureView signature(org.gatehouse.workflow.signing.DecisionSignatures.Checked checked) {
        return new SignatureView(checked.subject(), checked.signer(), checked.signedAt(), checked.algorithm(),
                checked.valid(), checked.timeStampedAt().orElse(null), checked.problem().orElse(null), checked.statement(),
                checked.timeStampAuthority().orElse(null));
    }

    public record ActivityView(String phase, String activity, String completedBy, Instant completedAt, String note) {
    }

    LifecycleView of(ReleaseLifecycles.Situation situation) {
        Release release = situation.release();
        Lifecycle lifecycle = situation.lifecycle();
        List<String> phases = Arrays.stream(Phase.values()).filter(lifecycle.definition().phases()::contains)
                .map(Phase::name).toList();
        boolean terminal = lifecycle.definition().isTerminal(lifecycle.phase());
        return new LifecycleView(release.id().toString(), release.project().value(), release.version(),
                release.definition().id(), release.definition().version(), phases, lifecycle.phase().name(),
                lifecycle.state().version(), terminal, lifecycle.handedOver(),
                names(lifecycle.definition().activities(lifecycle.phase()).stream().toList()),
                names(lifecycle.state().completedActivities().stream().sorted(java.util.Comparator.comparing(ActivityId::value))
                        .toList()),
                names(List.copyOf(terminal ? java.util.Set.of() : lifecycle.openActivities())),
                lifecycle.permittedTriggers().stream().map(this::of).toList(),
                lifecycle.state().waivers().stream().map(this::of).toList());
    }

    TriggerView of(TriggerOption option) {
        return new TriggerView(option.trigger().name(), option.target().name(), option.kind().name(), option.passesNow(),
                reasons(option.blockingReasons()));
    }

    PreviewView of(Preview preview) {
        return new PreviewView(preview.route().trigger().name(), preview.route().from().name(), preview.route().to().name(),
                preview.passes(), gates(preview.gates()), preview.openActivities().stream().map(ActivityId::value).sorted()
                        .toList(), reasons(preview.blockingReasons()));
    }

    GateAnswerView answer(ReleaseLifecycles.Situation situation, Optional<Preview> preview) {
        Release release = situation.release();
        if (preview.isEmpty()) {
            // the lifecycle has ended: released passes, cancelled does not
            boolean released = situation.lifecycle().phase() == Phase.RELEASED;
            List<ReasonView> reasons = released ? List.of() : List.of(new ReasonView(null, "gate.release-cancelled",
                    List.of(), org.gatehouse.platform.error.DomainException.Messages.format(LifecycleViews.class,
                            "gate.release-cancelled", locale), false));
            return new GateAnswerView(release.id().toString(), release.project().value(), release.version(),
                    situation.lifecycle().phase().name(), null, null, released, released ? "pass" : "fail", List.of(),
                    reasons);
        }
        Preview p = preview.get();
        return new GateAnswerView(release.id().toString(), release.project().value(), release.version(),
                p.route().from().name(), p.route().trigger().name(), p.route().to().name(), p.passes(),
                p.passes() ? "pass" : "fail", gates(p.gates()), reasons(p.blockingReasons()));
    }

    RouteGatesView of(Lifecycle.RouteGates route) {
        return new RouteGatesView(route.route().from().name(), route.route().to().name(), route.route().trigger().name(),
                route.passes(), gates(route.gates()));
    }

    TransitionView of(Transition transition) {
        return new TransitionView(transition.version(), transition.from().name(), transition.to().name(),
                transition.trigger().name(), transition.by().name(), roles(transition.by().roles()), transition.at(),
                gates(transition.gates()));
    }

    ActivityView of(LifecycleLog.ActivityRecord record) {
        return new ActivityView(record.phase().name(), record.activity().value(), record.by(), record.at(),
                record.note().orElse(null));
    }

    WaiverView of(Waiver waiver) {
        return new WaiverView(waiver.gate().value(), waiver.grantedBy().name(), roles(waiver.grantedBy().roles()),
                waiver.justification(), waiver.grantedAt(), waiver.expiresAt(), waiver.honouredFor(waiver.gate(), now));
    }

    List<ReasonView> reasons(List<BlockingReason> reasons) {
        return reasons.stream().map(r -> reason(r.gate(), r.reason(), r.pending())).toList();
    }

    ReasonView reason(Optional<GateId> gate, Reason reason, boolean pending) {
        return new ReasonView(gate.map(GateId::value).orElse(null), reason.key(), reason.arguments(),
                reason.format(reason.key().startsWith("lifecycle.") ? Lifecycle.class : lifecycles.messageSource(gate),
                        locale), pending);
    }

    private List<GateView> gates(List<GateEvaluation> evaluations) {
        return evaluations.stream().map(e -> {
            GateResult result = e.result();
            String outcome = result.passes() ? "PASSED" : e.waived() ? "WAIVED"
                    : result instanceof GateResult.Pending ? "PENDING" : "BLOCKED";
            Optional<GateId> gate = Optional.of(e.gate());
            List<ReasonView> reasons = result.reasons().stream()
                    .map(r -> reason(gate, r, result instanceof GateResult.Pending)).toList();
            return new GateView(e.gate().value(), outcome, reasons, e.waiver().map(this::of).orElse(null));
        }).toList();
    }

    private static List<String> names(List<ActivityId> activities) {
        return activities.stream().map(ActivityId::value).toList();
    }

    private static List<String> roles(java.util.Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList();
    }
}
