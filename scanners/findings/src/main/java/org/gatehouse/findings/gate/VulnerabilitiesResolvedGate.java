package org.gatehouse.findings.gate;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Set;
import org.gatehouse.scanner.api.Severity;
import org.gatehouse.workflow.lifecycle.DefaultDefinitions;
import org.gatehouse.workflow.lifecycle.Gate;
import org.gatehouse.workflow.lifecycle.GateContext;
import org.gatehouse.workflow.lifecycle.GateId;
import org.gatehouse.workflow.lifecycle.GateResult;

/**
 * B.1.3.1-ih: every vulnerability the release's tests found at or above the threshold is fixed
 * <em>and verified</em> (by a later scan or a manual re-test), or formally accepted or dismissed
 * under the four-eyes rule. A fix claimed but not re-tested still blocks.
 */
@Dependent
public class VulnerabilitiesResolvedGate implements Gate {
    private static final GateId ID = new GateId(DefaultDefinitions.VULNERABILITIES_RESOLVED);

    @Inject
    ReleaseFindings findings;

    @Override
    public GateId id() {
        return ID;
    }

    @Override
    public GateResult evaluate(GateContext context) {
        Severity threshold = ScanGate.threshold(context);
        ReleaseFindings.Counted open = findings.unresolved(context.release(), threshold, Set.of(),
                ReleaseFindings.Unresolved.UNTIL_VERIFIED);
        if (open.isEmpty()) {
            return GateResult.passed();
        }
        return GateResult.blocked("gate.vulnerabilities.unresolved", open.totalText(), ScanGate.label(threshold),
                open.breakdown());
    }
}
