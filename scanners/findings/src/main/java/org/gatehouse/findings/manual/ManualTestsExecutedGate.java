package org.gatehouse.findings.manual;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.gatehouse.workflow.lifecycle.DefaultDefinitions;
import org.gatehouse.workflow.lifecycle.Gate;
import org.gatehouse.workflow.lifecycle.GateContext;
import org.gatehouse.workflow.lifecycle.GateId;
import org.gatehouse.workflow.lifecycle.GateResult;

/**
 * B.1.3.1-ih, 8.5.1: the release's manual security tests were executed — every case's latest
 * execution passed or was not applicable (see {@link ManualTestVerdict}). Findings filed by failed
 * tests are judged by {@code vulnerabilities.resolved}, like every other finding.
 */
@Dependent
public class ManualTestsExecutedGate implements Gate {
    private static final GateId ID = new GateId(DefaultDefinitions.MANUAL_TESTS_EXECUTED);

    @Inject
    ManualTestRecords records;

    @Override
    public GateId id() {
        return ID;
    }

    @Override
    public GateResult evaluate(GateContext context) {
        return ManualTestVerdict.decide(records.statuses(context.release()));
    }
}
