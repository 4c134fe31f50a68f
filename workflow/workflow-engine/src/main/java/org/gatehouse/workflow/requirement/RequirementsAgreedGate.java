package org.gatehouse.workflow.requirement;

import jakarta.enterprise.context.Dependent;

/** B.1.3.1-ib: the security requirements are recorded and agreed by owner, developers and the security reviewer. */
@Dependent
public class RequirementsAgreedGate extends AgreementGate {
    public RequirementsAgreedGate() {
        super(SignOffSubject.SECURITY_REQUIREMENTS);
    }
}
