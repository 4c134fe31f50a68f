package org.gatehouse.workflow.requirement;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import org.gatehouse.workflow.lifecycle.GateContext;
import org.gatehouse.workflow.lifecycle.Reason;

/**
 * 8.2-ek/el, 8.3: the risk assessment is recorded and agreed, and the level it yields is one the
 * release's workflow definition covers (an assessment above it means the project's protection level
 * must rise, and a release of the stricter definition be opened).
 */
@Dependent
public class RiskAssessmentCompleteGate extends AgreementGate {
    @Inject
    Requirements requirements;

    public RiskAssessmentCompleteGate() {
        super(SignOffSubject.RISK_ASSESSMENT);
    }

    @Override
    List<Reason> more(GateContext context, SubjectStatus status) {
        return requirements.assessedLevel(context.release())
                .filter(level -> level.number() > context.protectionLevel().number())
                .map(level -> List.of(Reason.of("gate.risk.level-above", level.number(), context.protectionLevel().number())))
                .orElse(List.of());
    }
}
