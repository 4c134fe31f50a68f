package org.gatehouse.workflow.requirement;

import jakarta.enterprise.context.Dependent;

/** B.1.3.1-ic: the design recommendations are decided (accepted or disputed) and agreed with the developers. */
@Dependent
public class DesignRecommendationsAgreedGate extends AgreementGate {
    public DesignRecommendationsAgreedGate() {
        super(SignOffSubject.DESIGN_RECOMMENDATIONS);
    }
}
