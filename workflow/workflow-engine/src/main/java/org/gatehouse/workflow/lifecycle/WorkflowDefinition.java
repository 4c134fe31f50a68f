package org.gatehouse.workflow.lifecycle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.workflow.api.ProtectionLevel;

/**
 * An immutable, validated workflow definition (B.1.3.1-ia, 8.1): its phases, the routes between
 * them with the gates guarding each, the activities inside phases and the gates' parameters.
 * Built once through {@link #builder}; the current phase of a release is stored outside it.
 */
public final class WorkflowDefinition {
    private final DefinitionRef ref;
    private final ProtectionLevel defaultFor;
    private final Phase initialPhase;
    private final Set<Phase> phases;
    private final Set<Phase> terminalPhases;
    private final List<Route> routes;
    private final Map<Phase, Set<ActivityId>> activities;
    private final Map<GateId, Map<String, String>> gateParameters;

    private WorkflowDefinition(DefinitionRef ref, ProtectionLevel defaultFor, Phase initialPhase, Set<Phase> phases,
            Set<Phase> terminalPhases, List<Route> routes, Map<Phase, Set<ActivityId>> activities,
            Map<GateId, Map<String, String>> gateParameters) {
        this.ref = ref;
        this.defaultFor = defaultFor;
        this.initialPhase = initialPhase;
        this.phases = Collections.unmodifiableSet(EnumSet.copyOf(phases));
        this.terminalPhases = Collections.unmodifiableSet(EnumSet.copyOf(terminalPhases));
        this.routes = List.copyOf(routes);
        Map<Phase, Set<ActivityId>> copy = new EnumMap<>(Phase.class);
        activities.forEach((phase, ids) -> copy.put(phase, Collections.unmodifiableSet(new LinkedHashSet<>(ids))));
        this.activities = Collections.unmodifiableMap(copy);
        Map<GateId, Map<String, String>> parameters = new LinkedHashMap<>();
        gateParameters.forEach((gate, values) -> parameters.put(gate, Map.copyOf(values)));
        this.gateParameters = Collections.unmodifiableMap(parameters);
    }

    /** Starts a definition; {@code defaultFor} is the protection level (8.2, 8.3) it serves. */
    public static Builder builder(String id, int version, ProtectionLevel defaultFor) {
        return new Builder(new DefinitionRef(id, version), defaultFor);
    }

    public DefinitionRef ref() {
        return ref;
    }

    public ProtectionLevel defaultFor() {
        return defaultFor;
    }

    public Phase initialPhase() {
        return initialPhase;
    }

    public Set<Phase> phases() {
        return phases;
    }

    public Set<Phase> terminalPhases() {
        return terminalPhases;
    }

    public boolean isTerminal(Phase phase) {
        return terminalPhases.contains(phase);
    }

    public List<Route> routes() {
        return routes;
    }

    /** The routes leaving a phase, in declaration order (the order the UI offers them). */
    public List<Route> routesFrom(Phase phase) {
        return routes.stream().filter(route -> route.from() == phase).toList();
    }

    public Optional<Route> route(Phase from, Trigger trigger) {
        return routes.stream().filter(route -> route.from() == from && route.trigger().equals(trigger)).findFirst();
    }

    /** The activities that must all be done before a forward route may leave the phase (B.1.3.1-ie). */
    public Set<ActivityId> activities(Phase phase) {
        return activities.getOrDefault(phase, Set.of());
    }

    /** The parameters (thresholds and the like) this definition gives a gate; empty when none. */
    public Map<String, String> parameters(GateId gate) {
        return gateParameters.getOrDefault(gate, Map.of());
    }

    /** Every gate id some route uses. */
    public Set<GateId> gates() {
        Set<GateId> gates = new LinkedHashSet<>();
        routes.forEach(route -> gates.addAll(route.gates()));
        return Collections.unmodifiableSet(gates);
    }

    @Override
    public String toString() {
        return "WorkflowDefinition[" + ref + ", " + defaultFor + "]";
    }

    /** Collects phases, routes, activities and gate parameters; {@link #build} validates them all. */
    public static final class Builder {
        private final DefinitionRef ref;
        private final ProtectionLevel defaultFor;
        private Phase initialPhase = Phase.REQUIREMENTS;
        private final Set<Phase> declared = EnumSet.noneOf(Phase.class);
        private final Set<Phase> terminal = EnumSet.noneOf(Phase.class);
        private final List<RawRoute> routes = new ArrayList<>();
        private final Map<Phase, List<String>> activities = new EnumMap<>(Phase.class);
        private final Map<String, Map<String, String>> parameters = new LinkedHashMap<>();
        private Optional<Phase> cancelTarget = Optional.empty();

        private Builder(DefinitionRef ref, ProtectionLevel defaultFor) {
            this.ref = ref;
            this.defaultFor = defaultFor;
        }

        /** The phase a new release starts in ({@link Phase#REQUIREMENTS} unless told). */
        public Builder startingAt(Phase phase) {
            initialPhase = phase;
            return this;
        }

        /** Declares a phase even if no route touches it (validation then reports it). */
        public Builder phase(Phase phase) {
            declared.add(phase);
            return this;
        }

        public Builder terminal(Phase... phases) {
            terminal.addAll(List.of(phases));
            return this;
        }

        /** An activity of a phase; every activity must be done before a forward route leaves it. */
        public Builder activity(Phase phase, String activityId) {
            activities.computeIfAbsent(phase, p -> new ArrayList<>()).add(activityId);
            return this;
        }

        /** A forward route guarded by the given gates (and by the source phase's activities). */
        public Builder permit(Phase from, Trigger trigger, Phase to, String... gateIds) {
            routes.add(new RawRoute(from, trigger, to, Route.Kind.FORWARD, List.of(gateIds)));
            return this;
        }

        /** A {@code send-back} route: rework in an earlier phase, without gates. */
        public Builder sendBack(Phase from, Phase to) {
            routes.add(new RawRoute(from, Trigger.SEND_BACK, to, Route.Kind.SEND_BACK, List.of()));
            return this;
        }

        /** A {@code cancel} route from every non-terminal phase to {@code cancelled}, which becomes terminal. */
        public Builder cancelFromEveryActivePhase(Phase cancelled) {
            cancelTarget = Optional.of(cancelled);
            terminal.add(cancelled);
            return this;
        }

        /** Parameters a gate receives when this definition evaluates it (e.g. {@code threshold=high}). */
        public Builder gate(String gateId, Map<String, String> gateParameters) {
            parameters.put(gateId, Map.copyOf(gateParameters));
            return this;
        }

        /** Validates and freezes the definition; throws {@link InvalidWorkflowDefinition} naming the first problem. */
        public WorkflowDefinition build() {
            DefinitionValidation validation = new DefinitionValidation(ref);
            Set<Phase> phases = EnumSet.noneOf(Phase.class);
            phases.add(initialPhase);
            phases.addAll(declared);
            phases.addAll(terminal);
            phases.addAll(activities.keySet());
            routes.forEach(route -> {
                phases.add(route.from());
                phases.add(route.to());
            });
            List<Route> built = new ArrayList<>();
            for (RawRoute raw : routes) {
                built.add(new Route(raw.from(), raw.trigger(), raw.to(), raw.kind(), validation.gateIds(raw.gates())));
            }
            cancelTarget.ifPresent(cancelled -> phases.stream().filter(phase -> !terminal.contains(phase))
                    .forEach(phase -> built.add(new Route(phase, Trigger.CANCEL, cancelled, Route.Kind.CANCEL, List.of()))));
            Map<Phase, Set<ActivityId>> builtActivities = new EnumMap<>(Phase.class);
            activities.forEach((phase, ids) -> builtActivities.put(phase, validation.activityIds(ids)));
            Map<GateId, Map<String, String>> builtParameters = new LinkedHashMap<>();
            parameters.forEach((gate, values) -> builtParameters.put(validation.gateIds(List.of(gate)).get(0), values));
            validation.check(initialPhase, phases, terminal, built, builtActivities, builtParameters.keySet());
            return new WorkflowDefinition(ref, defaultFor, initialPhase, phases, terminal, built, builtActivities,
                    builtParameters);
        }

        private record RawRoute(Phase from, Trigger trigger, Phase to, Route.Kind kind, List<String> gates) {
        }
    }
}
