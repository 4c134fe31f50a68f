package org.gatehouse.workflow.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.platform.error.StaleVersion;

/**
 * The lifecycle engine for one release (B.1.3.1-ia..ii, 8.1–8.7): its definition, its current state and
 * the gates it may ask. Pure: every change returns a new {@link ReleaseState} (plus a {@link Transition}
 * for the log) for the caller to store; optimistic locking goes by the state's version.
 */
public final class Lifecycle {
    static final String GATE_MISSING = "lifecycle.gate-missing";
    static final String GATE_FAILED = "lifecycle.gate-failed";

    private final WorkflowDefinition definition;
    private final ReleaseState state;
    private final GateRegistry gates;
    private final Clock clock;

    public Lifecycle(WorkflowDefinition definition, ReleaseState state, GateRegistry gates, Clock clock) {
        if (!definition.ref().equals(state.definition())) {
            throw new IllegalArgumentException("release " + state.release() + " follows " + state.definition()
                    + ", not " + definition.ref());
        }
        if (!definition.phases().contains(state.phase())) {
            throw new IllegalArgumentException(definition.ref() + " has no phase " + state.phase());
        }
        this.definition = definition;
        this.state = state;
        this.gates = gates;
        this.clock = clock;
    }

    /** The same engine over a later state of the same release. */
    public Lifecycle at(ReleaseState next) {
        return new Lifecycle(definition, next, gates, clock);
    }

    public WorkflowDefinition definition() {
        return definition;
    }

    public ReleaseState state() {
        return state;
    }

    public Phase phase() {
        return state.phase();
    }

    /** 8.7: true once released; the permission layer then withdraws developers' rights over security policy. */
    public boolean handedOver() {
        return state.handedOver();
    }

    /** The activities of the current phase still to do (B.1.3.1-ie), in definition order. */
    public Set<ActivityId> openActivities() {
        Set<ActivityId> open = new LinkedHashSet<>(definition.activities(state.phase()));
        open.removeAll(state.completedActivities());
        return open;
    }

    /** Dry run: what {@link #advance} would meet for this trigger now, changing nothing. */
    public Preview preview(Trigger trigger) {
        if (definition.isTerminal(state.phase())) {
            throw new PhaseTerminal(state.phase());
        }
        Route route = definition.route(state.phase(), trigger)
                .orElseThrow(() -> new TriggerNotPermitted(trigger, state.phase()));
        return preview(route);
    }

    /** The triggers the UI may offer from here, each with whether it would pass now; none from a terminal phase. */
    public List<TriggerOption> permittedTriggers() {
        if (definition.isTerminal(state.phase())) {
            return List.of();
        }
        return definition.routesFrom(state.phase()).stream().map(route -> {
            Preview preview = preview(route);
            return new TriggerOption(route.trigger(), route.to(), route.kind(), preview.passes(),
                    preview.blockingReasons());
        }).toList();
    }

    /**
     * Every gate of every forward move of the definition, evaluated now whatever the current phase
     * (the release board shows the whole pipeline): one entry per forward route, in definition order.
     * Waivers stand in as they would in {@link #advance}.
     */
    public List<RouteGates> evaluateAll() {
        Instant now = clock.instant();
        return definition.routes().stream().filter(route -> route.kind() == Route.Kind.FORWARD)
                .map(route -> new RouteGates(route, route.gates().stream().map(gate -> evaluate(route, gate, now)).toList()))
                .toList();
    }

    /** The gates of one forward move, as {@link #evaluateAll} found them. */
    public record RouteGates(Route route, List<GateEvaluation> gates) {
        public RouteGates {
            gates = List.copyOf(gates);
        }

        public boolean passes() {
            return gates.stream().allMatch(GateEvaluation::passes);
        }
    }

    /**
     * Fires a trigger: checks the caller's expected version, the route and every gate (an honoured
     * waiver standing in for a failing one), then returns the new state and the transition to log.
     */
    public Advance advance(Trigger trigger, Participant by, long expectedVersion) {
        requireVersion(expectedVersion);
        Preview preview = preview(trigger);
        if (!preview.passes()) {
            throw new TransitionBlocked(trigger, state.phase(), preview.blockingReasons());
        }
        ReleaseState next = state.movedTo(preview.route().to());
        Transition transition = new Transition(state.release(), state.definition(), state.phase(), next.phase(), trigger,
                by, clock.instant(), preview.gates(), preview.waiversUsed(), next.version());
        return new Advance(next, transition);
    }

    /** Marks an activity of the current phase done (its evidence is the caller's to keep). */
    public ReleaseState completeActivity(ActivityId activity, long expectedVersion) {
        requireVersion(expectedVersion);
        if (definition.isTerminal(state.phase())) {
            throw new PhaseTerminal(state.phase());
        }
        if (!definition.activities(state.phase()).contains(activity)) {
            throw new ActivityNotInPhase(activity, state.phase());
        }
        return state.withActivityCompleted(activity);
    }

    /** Records a waiver; only a security administrator may grant one (B.1.3.1-ii), for a gate of this definition. */
    public ReleaseState waive(Waiver waiver, long expectedVersion) {
        requireVersion(expectedVersion);
        if (!waiver.grantedBy().isSecurityAdministrator()) {
            throw new WaiverNotPermitted(waiver.grantedBy(), waiver.gate());
        }
        if (!definition.gates().contains(waiver.gate())) {
            throw new GateNotInDefinition(waiver.gate(), definition.ref());
        }
        if (definition.isTerminal(state.phase())) {
            throw new PhaseTerminal(state.phase());
        }
        return state.withWaiver(waiver);
    }

    private Preview preview(Route route) {
        Instant now = clock.instant();
        List<GateEvaluation> evaluations = route.gates().stream().map(gate -> evaluate(route, gate, now)).toList();
        Set<ActivityId> open = route.requiresActivities() ? openActivities() : Set.of();
        return new Preview(route, evaluations, open);
    }

    private GateEvaluation evaluate(Route route, GateId id, Instant now) {
        Optional<Gate> gate = gates.find(id);
        if (gate.isEmpty()) {
            // a wiring error, never waivable: the definition names a gate no module contributes
            return new GateEvaluation(id, new GateResult.Blocked(List.of(Reason.of(GATE_MISSING, id))), Optional.empty());
        }
        GateResult result;
        try {
            result = gate.get().evaluate(new GateContext(state.release(), definition.ref(), definition.defaultFor(), route,
                    definition.parameters(id), now));
        } catch (RuntimeException e) {
            result = null;
        }
        if (result == null) {
            result = new GateResult.Blocked(List.of(Reason.of(GATE_FAILED, id)));
        }
        if (result.passes()) {
            return new GateEvaluation(id, result, Optional.empty());
        }
        return new GateEvaluation(id, result, state.waivers().stream().filter(w -> w.honouredFor(id, now)).findFirst());
    }

    private void requireVersion(long expectedVersion) {
        if (expectedVersion != state.version()) {
            throw new StaleVersion(Long.toString(expectedVersion), state.version());
        }
    }
}
