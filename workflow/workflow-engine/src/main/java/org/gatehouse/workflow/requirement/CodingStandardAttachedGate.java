package org.gatehouse.workflow.requirement;

import jakarta.enterprise.context.Dependent;

/** B.1.3.1-id: the release names its secure development standard, adopted by the owner and acknowledged by a developer. */
@Dependent
public class CodingStandardAttachedGate extends AgreementGate {
    public CodingStandardAttachedGate() {
        super(SignOffSubject.CODING_STANDARD);
    }
}
