package org.gatehouse.findings.manual;

import java.util.Optional;
import org.gatehouse.scanner.api.Severity;

/** An execution as a tester reports it; the severity is that of the finding a failure files (high by default). */
public record NewExecution(TestResult result, Optional<String> notes, Optional<String> evidence,
        Optional<String> evidenceUrl, Optional<Severity> severity) {
}
