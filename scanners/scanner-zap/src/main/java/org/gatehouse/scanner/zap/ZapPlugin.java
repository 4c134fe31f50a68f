package org.gatehouse.scanner.zap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import org.gatehouse.scanner.api.AnalysisKind;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ReportStart;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.ScannerDescriptor;
import org.gatehouse.scanner.api.ScannerPlugin;
import org.gatehouse.scanner.api.SecureXml;

/**
 * OWASP ZAP reports (B.1.3.1-ig, black-box): the traditional XML report, the traditional JSON
 * report and JSON-plus, ZAP 2.9 to 2.17. The first non-blank byte tells XML from JSON. Read as a
 * stream, one alert at a time; each alert instance becomes a finding.
 */
public final class ZapPlugin implements ScannerPlugin {
    static final ScannerDescriptor DESCRIPTOR = new ScannerDescriptor("zap", "OWASP ZAP", AnalysisKind.BLACK_BOX,
            Set.of("xml", "json"));
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(10_000_000)
                    .maxNumberLength(100).build())
            .build();
    private static final ObjectMapper TREES = new ObjectMapper(JSON);

    @Override
    public ScannerDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void parse(ReportSource source, Consumer<ReportedFinding> sink) throws ReportParseException {
        try (InputStream in = new BufferedInputStream(source.open())) {
            ReportStart start = ReportStart.peek(in);
            switch (start.firstByte()) {
                case '<' -> xml(in, sink);
                case '{' -> json(in, sink);
                case -1 -> throw new ReportParseException("an empty file is not a ZAP report", start.position());
                default -> throw new ReportParseException("not a ZAP report: it starts with neither XML nor a JSON object",
                        start.position());
            }
        } catch (IOException e) {
            throw new ReportParseException("cannot read " + source.name() + ": " + e.getMessage(), Optional.empty(), e);
        }
    }

    private static void xml(InputStream in, Consumer<ReportedFinding> sink) throws ReportParseException {
        try (SecureXml xml = SecureXml.open(in)) {
            boolean root = true;
            String version = "";
            String site = "";
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String element = xml.localName();
                if (root) {
                    if (!element.equals("OWASPZAPReport")) {
                        throw xml.error("not a ZAP report (root element " + element + ")");
                    }
                    version = xml.attribute("version").orElse("");
                    root = false;
                } else if (element.equals("site")) {
                    site = xml.attribute("name").orElse("");
                } else if (element.equals("alertitem")) {
                    ZapAlert alert = alertFromXml(xml);
                    if (alert.pluginId.isBlank()) {
                        throw xml.error("a ZAP alert without a plugin id");
                    }
                    alert.emit(version, site, sink);
                } else if (!element.equals("alerts")) {
                    xml.skipElement();
                }
            }
            if (root) {
                throw xml.error("an empty document is not a ZAP report");
            }
        }
    }

    private static ZapAlert alertFromXml(SecureXml xml) throws ReportParseException {
        ZapAlert alert = new ZapAlert();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return alert;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.localName()) {
                case "pluginid" -> alert.pluginId = xml.text().strip();
                case "alertRef" -> alert.alertRef = xml.text().strip();
                case "alert", "name" -> alert.name = xml.text().strip();
                case "riskcode" -> alert.riskCode = ZapAlert.number(xml.text());
                case "confidence" -> alert.confidence = ZapAlert.number(xml.text(), -1);
                case "riskdesc" -> alert.riskDescription = xml.text().strip();
                case "confidencedesc" -> alert.confidenceDescription = xml.text().strip();
                case "desc" -> alert.description = xml.text().strip();
                case "solution" -> alert.solution = xml.text().strip();
                case "otherinfo" -> alert.otherInfo = xml.text().strip();
                case "cweid" -> alert.cwe = ZapAlert.cwe(xml.text());
                case "wascid" -> alert.wasc = ZapAlert.cwe(xml.text());
                case "instances" -> instancesFromXml(xml, alert);
                default -> xml.skipElement();
            }
        }
    }

    private static void instancesFromXml(SecureXml xml, ZapAlert alert) throws ReportParseException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!xml.localName().equals("instance")) {
                xml.skipElement();
                continue;
            }
            String uri = "";
            String method = "";
            String param = "";
            String attack = "";
            String evidence = "";
            String otherInfo = "";
            while (true) {
                int inner = xml.next();
                if (inner == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (inner != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.localName()) {
                    case "uri" -> uri = xml.text().strip();
                    case "method" -> method = xml.text().strip();
                    case "param" -> param = xml.text().strip();
                    case "attack" -> attack = xml.text().strip();
                    case "evidence" -> evidence = xml.text().strip();
                    case "otherinfo" -> otherInfo = xml.text().strip();
                    default -> xml.skipElement();
                }
            }
            if (!alert.add(new ZapAlert.Instance(uri, method, param, attack, evidence, otherInfo))) {
                throw xml.error("more than " + ZapAlert.MAX_INSTANCES + " instances in one alert");
            }
        }
    }

    private static void json(InputStream in, Consumer<ReportedFinding> sink) throws ReportParseException {
        try (JsonParser parser = JSON.createParser(in)) {
            try {
                report(parser, sink);
            } catch (JsonProcessingException e) {
                // a broken limit (StreamReadConstraints) has no location of its own: the parser's is where it broke
                throw new ReportParseException("malformed ZAP JSON: " + e.getOriginalMessage(),
                        position(e.getLocation()).or(() -> position(parser.currentLocation())), e);
            }
        } catch (IOException e) {
            throw new ReportParseException("cannot read the report: " + e.getMessage(), Optional.empty(), e);
        }
    }

    private static void report(JsonParser parser, Consumer<ReportedFinding> sink) throws IOException, ReportParseException {
        parser.nextToken();
        String version = null;
        boolean sawSites = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("@version") && value == JsonToken.VALUE_STRING) {
                version = parser.getText();
            } else if (field.equals("site") && value == JsonToken.START_ARRAY) {
                sawSites = true;
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    site(parser, version == null ? "" : version, sink);
                }
            } else {
                parser.skipChildren();
            }
        }
        if (version == null || !sawSites) {
            throw new ReportParseException("not a ZAP JSON report (no @version or site)", position(parser.currentLocation()), null);
        }
    }

    private static Optional<ReportParseException.Position> position(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? Optional.empty()
                : Optional.of(new ReportParseException.Position(location.getLineNr(), location.getColumnNr()));
    }

    private static void site(JsonParser parser, String version, Consumer<ReportedFinding> sink)
            throws IOException, ReportParseException {
        String site = "";
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("@name") && value == JsonToken.VALUE_STRING) {
                site = parser.getText();
            } else if (field.equals("alerts") && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    JsonLocation at = parser.currentTokenLocation();
                    ZapAlert alert = alertFromJson(TREES.readTree(parser));
                    if (alert == null || alert.pluginId.isBlank()) {
                        throw new ReportParseException(alert == null ? "more than " + ZapAlert.MAX_INSTANCES
                                + " instances in one alert" : "a ZAP alert without a plugin id", position(at), null);
                    }
                    alert.emit(version, site, sink);
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    /** A member's text, stripped as the XML's texts are; empty when it is missing. */
    private static String text(JsonNode node, String field) {
        return node.path(field).asText("").strip();
    }

    /** The alert, or null when it has too many instances. */
    private static ZapAlert alertFromJson(JsonNode node) {
        ZapAlert alert = new ZapAlert();
        alert.pluginId = text(node, "pluginid");
        alert.alertRef = text(node, "alertRef");
        alert.name = node.path("alert").asText(node.path("name").asText("")).strip();
        alert.riskCode = ZapAlert.number(node.path("riskcode").asText("0"));
        alert.confidence = ZapAlert.number(node.path("confidence").asText(""), -1);
        alert.riskDescription = text(node, "riskdesc");
        alert.confidenceDescription = text(node, "confidencedesc");
        alert.description = text(node, "desc");
        alert.solution = text(node, "solution");
        alert.otherInfo = text(node, "otherinfo");
        alert.cwe = ZapAlert.cwe(node.path("cweid").asText(""));
        alert.wasc = ZapAlert.cwe(node.path("wascid").asText(""));
        for (JsonNode instance : node.path("instances")) {
            if (!alert.add(new ZapAlert.Instance(text(instance, "uri"), text(instance, "method"), text(instance, "param"),
                    text(instance, "attack"), text(instance, "evidence"), text(instance, "otherinfo")))) {
                return null;
            }
        }
        return alert;
    }
}
