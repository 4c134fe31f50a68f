package org.gatehouse.scanner.api;

import java.util.function.Consumer;

/**
 * A scanner plugin, found through {@link java.util.ServiceLoader} ({@code META-INF/services}).
 * Plugins are pure: no database, no CDI, no network; stateless and thread-safe. A plugin reads a
 * report and hands each finding to the sink as soon as it has read it, so that memory stays flat
 * whatever the report's size; the core persists (issue 4, ADR 0006).
 */
public interface ScannerPlugin {

    ScannerDescriptor descriptor();

    /**
     * Parses a report.
     *
     * @throws ReportParseException when the report is malformed, truncated, of another format, or
     *     breaks a safety limit; findings already handed over must then be discarded by the caller
     */
    void parse(ReportSource source, Consumer<ReportedFinding> sink) throws ReportParseException;
}
