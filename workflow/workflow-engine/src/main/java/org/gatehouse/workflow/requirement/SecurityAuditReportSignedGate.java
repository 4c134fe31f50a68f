package org.gatehouse.workflow.requirement;

import jakarta.enterprise.context.Dependent;

/**
 * B.1.3.1-ih/ii: the Security Audit Report approves going online and a security reviewer signed it as
 * it stands, findings included: a finding that changes after signing voids the signature.
 */
@Dependent
public class SecurityAuditReportSignedGate extends AgreementGate {
    public SecurityAuditReportSignedGate() {
        super(SignOffSubject.SECURITY_AUDIT_REPORT);
    }
}
