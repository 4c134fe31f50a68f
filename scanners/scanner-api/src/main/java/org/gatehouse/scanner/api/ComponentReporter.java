package org.gatehouse.scanner.api;

import java.util.function.Consumer;

/**
 * An optional ability of a composition plugin (C.4: only licensed software is used): besides its
 * findings, it reports the components a software bill of materials lists, one at a time, so that
 * the core keeps them as the release's software inventory and applies the project's licence policy
 * itself. The plugin stays pure: it says what the report lists, never what is allowed (ADR 0020).
 * {@link ScannerPlugin#parse} of such a plugin reports one policy-free finding per component and
 * licence, built with {@link ReportedComponent#licenceFinding}, which the core uses too.
 */
public interface ComponentReporter {

    /**
     * Reads the report's components, nested ones included, and hands each to the sink.
     *
     * @throws ReportParseException as {@link ScannerPlugin#parse}; components already handed over
     *     must then be discarded by the caller
     */
    void components(ReportSource source, Consumer<ReportedComponent> sink) throws ReportParseException;
}
