package org.gatehouse.workflow.requirement;

import jakarta.enterprise.context.Dependent;

/** 8.6, 8.7: every item of the pre-production review is checked, agreed by the owner and the security reviewer. */
@Dependent
public class PreProductionChecklistGate extends AgreementGate {
    public PreProductionChecklistGate() {
        super(SignOffSubject.PRE_PRODUCTION_REVIEW);
    }
}
