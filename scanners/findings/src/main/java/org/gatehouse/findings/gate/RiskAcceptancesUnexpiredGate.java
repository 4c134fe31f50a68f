package org.gatehouse.findings.gate;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.gatehouse.workflow.lifecycle.DefaultDefinitions;
import org.gatehouse.workflow.lifecycle.Gate;
import org.gatehouse.workflow.lifecycle.GateContext;
import org.gatehouse.workflow.lifecycle.GateId;
import org.gatehouse.workflow.lifecycle.GateResult;

/**
 * No risk acceptance the release relies on has run out (B.1.3.1-ih, 8.6): an expired acceptance is
 * a finding open again, even before the periodic expiry check reopens it.
 */
@Dependent
public class RiskAcceptancesUnexpiredGate implements Gate {
    private static final GateId ID = new GateId(DefaultDefinitions.RISK_ACCEPTANCES_UNEXPIRED);

    @Inject
    ReleaseFindings findings;

    @Override
    public GateId id() {
        return ID;
    }

    @Override
    public GateResult evaluate(GateContext context) {
        return findings.expiredAcceptances(context.release(), context.now())
                .<GateResult>map(expired -> GateResult.blocked("gate.acceptances.expired", expired.count(),
                        expired.earliest().toString()))
                .orElseGet(GateResult::passed);
    }
}
