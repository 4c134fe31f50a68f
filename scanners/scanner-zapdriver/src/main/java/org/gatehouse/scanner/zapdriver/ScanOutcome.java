package org.gatehouse.scanner.zapdriver;

import java.nio.file.Path;

/** How a scan ended; a failure's reason never contains the API key or the authentication secret. */
public sealed interface ScanOutcome {

    /** The state when it ended (its phase tells how far it got). */
    ScanState state();

    /** The report is written (ZAP's traditional JSON report, as {@code scanner-zap} imports it). */
    record Completed(ScanState state, Path report, String zapVersion) implements ScanOutcome {
    }

    /** ZAP could not be used or the report not written. */
    record Failed(ScanState state, ZapProblem problem, String reason) implements ScanOutcome {
    }

    /** {@link BlackBoxScan#cancel()} was called; ZAP's running scans were asked to stop. */
    record Cancelled(ScanState state) implements ScanOutcome {
    }

    /** The overall timeout passed; ZAP's running scans were asked to stop. */
    record TimedOut(ScanState state) implements ScanOutcome {
    }
}
