package org.gatehouse.workflow.requirement;

import jakarta.enterprise.context.Dependent;

/** B.1.3.1-ib: every requirement names its key security test point, agreed with the testers. */
@Dependent
public class TestRecommendationsAgreedGate extends AgreementGate {
    public TestRecommendationsAgreedGate() {
        super(SignOffSubject.TEST_RECOMMENDATIONS);
    }
}
