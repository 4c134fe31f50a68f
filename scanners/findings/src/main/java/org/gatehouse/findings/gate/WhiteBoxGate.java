package org.gatehouse.findings.gate;

import jakarta.enterprise.context.Dependent;
import org.gatehouse.scanner.api.AnalysisKind;
import org.gatehouse.workflow.lifecycle.DefaultDefinitions;

/** B.1.3.1-if: the code scan of this release was imported and leaves nothing open at or above the threshold. */
@Dependent
public class WhiteBoxGate extends ScanGate {
    public WhiteBoxGate() {
        super(DefaultDefinitions.WHITE_BOX_NO_OPEN_FINDINGS, AnalysisKind.WHITE_BOX);
    }
}
