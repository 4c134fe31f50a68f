package org.gatehouse.findings.gate;

import jakarta.enterprise.context.Dependent;
import org.gatehouse.scanner.api.AnalysisKind;
import org.gatehouse.workflow.lifecycle.DefaultDefinitions;

/** B.1.3.1-ig: the black-box scan of the running product was imported and leaves nothing open at or above the threshold. */
@Dependent
public class BlackBoxGate extends ScanGate {
    public BlackBoxGate() {
        super(DefaultDefinitions.BLACK_BOX_NO_OPEN_FINDINGS, AnalysisKind.BLACK_BOX);
    }
}
