package org.gatehouse.workflow.lifecycle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test gates: a fixed answer per gate id, switchable between calls, recording what they were asked. */
final class FakeGates {
    private final Map<GateId, GateResult> answers = new HashMap<>();
    private final List<GateContext> asked = new ArrayList<>();

    /** Every gate of the definition, passing. */
    static FakeGates passingAll(WorkflowDefinition definition) {
        FakeGates gates = new FakeGates();
        definition.gates().forEach(gate -> gates.answer(gate.value(), GateResult.passed()));
        return gates;
    }

    FakeGates answer(String gate, GateResult result) {
        answers.put(new GateId(gate), result);
        return this;
    }

    FakeGates remove(String gate) {
        answers.remove(new GateId(gate));
        return this;
    }

    List<GateContext> asked() {
        return asked;
    }

    GateRegistry registry() {
        return GateRegistry.of(answers.keySet().stream().map(this::gate).toList());
    }

    Set<GateId> ids() {
        return answers.keySet();
    }

    private Gate gate(GateId id) {
        return new Gate() {
            @Override
            public GateId id() {
                return id;
            }

            @Override
            public GateResult evaluate(GateContext context) {
                asked.add(context);
                return answers.get(id);
            }
        };
    }
}
