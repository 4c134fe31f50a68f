package org.gatehouse.scanner.spotbugs;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import org.gatehouse.scanner.api.AnalysisKind;
import org.gatehouse.scanner.api.Fingerprint;
import org.gatehouse.scanner.api.Location;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.ScannerDescriptor;
import org.gatehouse.scanner.api.ScannerPlugin;
import org.gatehouse.scanner.api.SecureXml;
import org.gatehouse.scanner.api.Severity;

/**
 * SpotBugs XML, with or without Find Security Bugs (B.1.3.1-if). Read in one streaming pass through
 * {@link SecureXml}: each {@code BugInstance} becomes a finding when its end tag is read.
 * <ul>
 * <li>Severity: for the SECURITY category (Find Security Bugs) from the priority, which there is the
 * confidence that tainted input reaches the sink (1 high, 2 medium, 3 low) — the rank would put
 * every SQL injection at "troubling"; for other categories from the rank (1–4 scariest →
 * critical, 5–9 scary → high, 10–14 troubling → medium, 15–20 of concern → low), else the
 * priority.</li>
 * <li>Identity ({@code spotbugs:v2}): SHA-256 of bug type, class, method with signature and field —
 * never a line, so line shifts keep it. Instances of one bug type in one method (SpotBugs numbers
 * them with {@code instanceOccurrenceNum}) share it: one finding with several occurrences, as the
 * issue asks of duplicates ({@code spotbugs:v1} kept the number, ADR 0006 amendment of 2026-12-03).</li>
 * <li>Details: {@code category}, {@code priority}, {@code rank} and {@code abbrev} as SpotBugs writes them.</li>
 * </ul>
 */
public final class SpotBugsPlugin implements ScannerPlugin {
    static final ScannerDescriptor DESCRIPTOR = new ScannerDescriptor("spotbugs", "SpotBugs / Find Security Bugs XML",
            AnalysisKind.WHITE_BOX, Set.of("xml"));

    @Override
    public ScannerDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void parse(ReportSource source, Consumer<ReportedFinding> sink) throws ReportParseException {
        try (InputStream in = source.open(); SecureXml xml = SecureXml.open(in)) {
            String version = "";
            boolean root = true;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (root) {
                    if (!xml.localName().equals("BugCollection")) {
                        throw xml.error("not a SpotBugs report (root element " + xml.localName() + ")");
                    }
                    version = xml.attribute("version").orElse("");
                    root = false;
                } else if (xml.localName().equals("BugInstance")) {
                    sink.accept(instance(xml, version));
                } else {
                    xml.skipElement();
                }
            }
            if (root) {
                throw new ReportParseException("an empty document is not a SpotBugs report");
            }
        } catch (IOException e) {
            throw new ReportParseException("cannot read " + source.name() + ": " + e.getMessage(), Optional.empty(), e);
        }
    }

    private static ReportedFinding instance(SecureXml xml, String version) throws ReportParseException {
        String type = xml.attribute("type").orElseThrow(() -> xml.error("a BugInstance without a type"));
        Optional<String> category = xml.attribute("category");
        boolean security = category.filter("SECURITY"::equals).isPresent();
        OptionalInt rank = number(xml.attribute("rank"));
        OptionalInt priority = number(xml.attribute("priority"));
        Optional<Integer> cwe = xml.attribute("cweid").map(SpotBugsPlugin::parse).filter(n -> n > 0);
        Map<String, String> details = new LinkedHashMap<>();
        category.ifPresent(c -> details.put("category", c));
        priority.ifPresent(p -> details.put("priority", Integer.toString(p)));
        rank.ifPresent(r -> details.put("rank", Integer.toString(r)));
        xml.attribute("abbrev").ifPresent(a -> details.put("abbrev", a));
        String shortMessage = null;
        String longMessage = null;
        String className = null;
        String method = null;
        String field = null;
        Location.Code line = null;
        Location.Code classLine = null;
        int depth = 1;
        String parent = null;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (depth == 1) {
                    parent = null;
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.localName();
            if (depth == 1) {
                switch (name) {
                    case "ShortMessage" -> {
                        shortMessage = xml.text();
                        continue;
                    }
                    case "LongMessage" -> {
                        longMessage = xml.text();
                        continue;
                    }
                    case "Class" -> {
                        if (className == null || xml.attribute("primary").isPresent()) {
                            className = xml.attribute("classname").orElse(className);
                        }
                    }
                    case "Method" -> {
                        if (method == null || xml.attribute("primary").isPresent()) {
                            method = xml.attribute("name").orElse("") + xml.attribute("signature").orElse("");
                        }
                    }
                    case "Field" -> {
                        if (field == null || xml.attribute("primary").isPresent()) {
                            field = xml.attribute("name").orElse(null);
                        }
                    }
                    case "SourceLine" -> {
                        if (line == null || xml.attribute("primary").isPresent()) {
                            line = sourceLine(xml);
                        }
                    }
                    default -> {
                        // String, Int, LocalVariable, Property ...: not part of the finding
                    }
                }
                parent = name;
            } else if (depth == 2 && name.equals("SourceLine") && "Class".equals(parent) && classLine == null) {
                classLine = sourceLine(xml);
            }
            depth++;
        }
        Location.Code where = line != null ? line : classLine != null ? classLine
                : new Location.Code(className == null ? "" : className.replace('.', '/') + ".java", OptionalInt.empty(),
                        OptionalInt.empty(), Optional.empty());
        String logical = (className == null ? "" : className) + (method == null ? "" : "." + method)
                + (field == null ? "" : "#" + field);
        Location.Code location = new Location.Code(where.path(), where.startLine(), where.endLine(),
                logical.isEmpty() ? Optional.empty() : Optional.of(logical));
        String identity = String.join("\n", type, nullToEmpty(className), nullToEmpty(method), nullToEmpty(field));
        return new ReportedFinding("SpotBugs", version, type, shortMessage, severity(security, rank, priority), cwe, location,
                longMessage, Fingerprint.of("spotbugs:v2", identity), Optional.empty(), details);
    }

    private static Location.Code sourceLine(SecureXml xml) {
        String path = xml.attribute("sourcepath").or(() -> xml.attribute("sourcefile")).orElse("");
        OptionalInt start = number(xml.attribute("start"));
        OptionalInt end = number(xml.attribute("end"));
        return new Location.Code(path, start, end.isPresent() ? end : start, Optional.empty());
    }

    static Severity severity(boolean security, OptionalInt rank, OptionalInt priority) {
        if (rank.isPresent() && !(security && priority.isPresent())) {
            int r = rank.getAsInt();
            return r <= 4 ? Severity.CRITICAL : r <= 9 ? Severity.HIGH : r <= 14 ? Severity.MEDIUM : Severity.LOW;
        }
        return switch (priority.orElse(2)) {
            case 1 -> Severity.HIGH;
            case 2 -> Severity.MEDIUM;
            default -> Severity.LOW;
        };
    }

    private static OptionalInt number(Optional<String> text) {
        Integer value = text.map(SpotBugsPlugin::parse).orElse(null);
        return value == null || value < 0 ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static Integer parse(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

}
