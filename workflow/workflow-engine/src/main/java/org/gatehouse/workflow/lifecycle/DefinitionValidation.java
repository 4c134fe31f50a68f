package org.gatehouse.workflow.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The build-time checks of a {@link WorkflowDefinition}, in a fixed order (the first problem found is thrown). */
final class DefinitionValidation {
    private final DefinitionRef ref;

    DefinitionValidation(DefinitionRef ref) {
        this.ref = ref;
    }

    List<GateId> gateIds(List<String> texts) {
        return texts.stream().map(text -> {
            if (!GateId.isWellFormed(text)) {
                throw new InvalidWorkflowDefinition(ref, DefinitionRule.MALFORMED_GATE_ID, String.valueOf(text));
            }
            return new GateId(text);
        }).toList();
    }

    Set<ActivityId> activityIds(List<String> texts) {
        Set<ActivityId> ids = new LinkedHashSet<>();
        for (String text : texts) {
            if (!ActivityId.isWellFormed(text)) {
                throw new InvalidWorkflowDefinition(ref, DefinitionRule.MALFORMED_ACTIVITY_ID, String.valueOf(text));
            }
            ids.add(new ActivityId(text));
        }
        return ids;
    }

    void check(Phase initial, Set<Phase> phases, Set<Phase> terminal, List<Route> routes,
            Map<Phase, Set<ActivityId>> activities, Set<GateId> parameterised) {
        Set<String> seen = new HashSet<>();
        for (Route route : routes) {
            if (!seen.add(route.from() + " " + route.trigger())) {
                fail(DefinitionRule.DUPLICATE_TRIGGER, route.from() + " " + route.trigger());
            }
        }
        if (terminal.isEmpty()) {
            fail(DefinitionRule.NO_TERMINAL_PHASE, "-");
        }
        routes.stream().filter(route -> terminal.contains(route.from())).findFirst()
                .ifPresent(route -> fail(DefinitionRule.EXIT_FROM_TERMINAL, route.from() + " " + route.trigger()));
        activities.keySet().stream().filter(terminal::contains).findFirst()
                .ifPresent(phase -> fail(DefinitionRule.ACTIVITY_IN_TERMINAL_PHASE, phase.name()));
        Set<Phase> reachable = closure(Set.of(initial), routes, Route::from, Route::to);
        phases.stream().filter(phase -> !reachable.contains(phase)).findFirst()
                .ifPresent(phase -> fail(DefinitionRule.UNREACHABLE_PHASE, phase.name()));
        Set<Phase> reachTerminal = closure(terminal, routes, Route::to, Route::from);
        phases.stream().filter(phase -> !reachTerminal.contains(phase)).findFirst()
                .ifPresent(phase -> fail(DefinitionRule.NO_PATH_TO_TERMINAL, phase.name()));
        Set<GateId> used = new HashSet<>();
        routes.forEach(route -> used.addAll(route.gates()));
        parameterised.stream().filter(gate -> !used.contains(gate)).findFirst()
                .ifPresent(gate -> fail(DefinitionRule.UNUSED_GATE_PARAMETERS, gate.value()));
    }

    /** The phases reachable from {@code start} following routes along {@code tail → head}. */
    private static Set<Phase> closure(Set<Phase> start, List<Route> routes, Function<Route, Phase> tail,
            Function<Route, Phase> head) {
        Set<Phase> found = start.isEmpty() ? EnumSet.noneOf(Phase.class) : EnumSet.copyOf(start);
        Deque<Phase> queue = new ArrayDeque<>(found);
        while (!queue.isEmpty()) {
            Phase phase = queue.pop();
            routes.stream().filter(route -> tail.apply(route) == phase).map(head)
                    .filter(found::add).forEach(queue::add);
        }
        return found;
    }

    private void fail(DefinitionRule rule, String subject) {
        throw new InvalidWorkflowDefinition(ref, rule, subject);
    }
}
