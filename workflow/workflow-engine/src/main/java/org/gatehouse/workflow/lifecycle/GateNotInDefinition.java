package org.gatehouse.workflow.lifecycle;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A waiver names a gate that the release's workflow definition never evaluates. */
public final class GateNotInDefinition extends DomainException {
    private static final long serialVersionUID = 1L;

    public GateNotInDefinition(GateId gate, DefinitionRef definition) {
        super(ProblemType.VALIDATION_FAILED, "lifecycle.gate-not-in-definition", gate.value(), definition.toString());
    }
}
