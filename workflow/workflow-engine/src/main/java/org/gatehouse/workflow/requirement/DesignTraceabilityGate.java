package org.gatehouse.workflow.requirement;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import org.gatehouse.workflow.lifecycle.DefaultDefinitions;
import org.gatehouse.workflow.lifecycle.Gate;
import org.gatehouse.workflow.lifecycle.GateContext;
import org.gatehouse.workflow.lifecycle.GateId;
import org.gatehouse.workflow.lifecycle.GateResult;

/** 8.4-ep: every active security requirement is served by a design recommendation that is not disputed. */
@Dependent
public class DesignTraceabilityGate implements Gate {
    private static final GateId ID = new GateId(DefaultDefinitions.DESIGN_TRACEABILITY_COMPLETE);

    @Inject
    SignOffs signOffs;

    @Override
    public GateId id() {
        return ID;
    }

    @Override
    public GateResult evaluate(GateContext context) {
        List<String> untraced = Agreements.untraced(signOffs.content(context.release(),
                java.util.EnumSet.of(SignOffSubject.SECURITY_REQUIREMENTS, SignOffSubject.DESIGN_RECOMMENDATIONS)));
        if (untraced.isEmpty()) {
            return GateResult.passed();
        }
        return GateResult.blocked("gate.design.untraced", untraced.size(), String.join(", ",
                untraced.subList(0, Math.min(Agreements.LISTED, untraced.size()))) + (untraced.size() > Agreements.LISTED
                        ? ", …" : ""));
    }
}
