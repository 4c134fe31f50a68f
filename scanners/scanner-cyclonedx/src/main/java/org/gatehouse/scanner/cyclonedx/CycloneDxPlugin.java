package org.gatehouse.scanner.cyclonedx;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.gatehouse.scanner.api.AnalysisKind;
import org.gatehouse.scanner.api.ComponentReporter;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ReportStart;
import org.gatehouse.scanner.api.ReportedComponent;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.ScannerDescriptor;
import org.gatehouse.scanner.api.ScannerPlugin;
import org.gatehouse.scanner.api.Severity;

/**
 * CycloneDX software bills of materials, specification 1.2 to 1.6, as JSON (Jackson streaming) or
 * XML (only through {@link org.gatehouse.scanner.api.SecureXml}), told apart by their first
 * character (C.4: the licensed-software inventory). The plugin reports what the bill lists: each
 * component, nested ones included, with group, name, version, package URL, digests and licences
 * (SPDX id, name or expression). Which licence is allowed is the project's policy, applied by the
 * core (ADR 0020); {@link #parse} therefore reports one policy-free finding (severity info) per
 * component and licence, with the identity the core gives the findings it keeps. Vulnerabilities a
 * bill may also carry are not read: they belong to a vulnerability scanner's report.
 */
public final class CycloneDxPlugin implements ScannerPlugin, ComponentReporter {
    static final ScannerDescriptor DESCRIPTOR = new ScannerDescriptor("cyclonedx", "CycloneDX SBOM",
            AnalysisKind.COMPOSITION, Set.of("json", "xml"));
    /** The specification versions read; 1.0 and 1.1 were XML-only and are long superseded. */
    static final Set<String> VERSIONS = Set.of("1.2", "1.3", "1.4", "1.5", "1.6");
    static final int MAX_TEXT = 2_000;
    static final int MAX_NESTING = 24;
    static final int MAX_LIST = 1_000;

    @Override
    public ScannerDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void parse(ReportSource source, Consumer<ReportedFinding> sink) throws ReportParseException {
        components(source, component -> component.licencesOrNone().stream().distinct()
                .forEach(licence -> sink.accept(component.licenceFinding(licence, Severity.INFO, ""))));
    }

    @Override
    public void components(ReportSource source, Consumer<ReportedComponent> sink) throws ReportParseException {
        try (InputStream raw = source.open(); BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024)) {
            ReportStart start = ReportStart.peek(in);
            switch (start.firstByte()) {
                case '{' -> CycloneDxJson.read(in, sink);
                case '<' -> CycloneDxXml.read(in, sink);
                case -1 -> throw new ReportParseException("an empty file is not a CycloneDX bill of materials", start.position());
                default -> throw new ReportParseException("not a CycloneDX bill of materials: neither a JSON object nor XML",
                        start.position());
            }
        } catch (IOException e) {
            throw new ReportParseException("cannot read " + source.name() + ": " + e.getMessage(), Optional.empty(), e);
        }
    }

    /** A text cut to {@value #MAX_TEXT} characters and stripped. */
    static String cut(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        return stripped.length() > MAX_TEXT ? stripped.substring(0, MAX_TEXT) : stripped;
    }
}
