package org.gatehouse.scanner.cyclonedx;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportedComponent;

/**
 * A CycloneDX JSON bill read as a stream: the top-level object field by field, each component field
 * by field (nested {@code components} recursively, at most {@value CycloneDxPlugin#MAX_NESTING}
 * deep), only its small {@code hashes} and {@code licenses} arrays as trees. A component is handed
 * over when its object ends; {@code bomFormat} and {@code specVersion} are checked at the end of
 * the document, so a foreign document fails even when it carries a {@code components} array.
 */
final class CycloneDxJson {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).maxStringLength(1_000_000)
                    .maxNumberLength(40).build())
            .build();
    private static final ObjectMapper TREES = new ObjectMapper(JSON);

    private final JsonParser json;
    private final Consumer<ReportedComponent> sink;
    private String specVersion = "";

    private CycloneDxJson(JsonParser json, Consumer<ReportedComponent> sink) {
        this.json = json;
        this.sink = sink;
    }

    static void read(InputStream in, Consumer<ReportedComponent> sink) throws ReportParseException {
        try (JsonParser json = JSON.createParser(in)) {
            try {
                new CycloneDxJson(json, sink).bom();
            } catch (JsonProcessingException e) {
                // a broken limit (StreamReadConstraints) has no location of its own: the parser's is where it broke
                throw new ReportParseException("malformed CycloneDX JSON: " + e.getOriginalMessage(),
                        position(e.getLocation()).or(() -> position(json.currentLocation())), e);
            }
        } catch (IOException e) {
            throw new ReportParseException("cannot read the bill of materials: " + e.getMessage(), Optional.empty(), e);
        }
    }

    private void bom() throws IOException, ReportParseException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            throw error("not a CycloneDX bill of materials: not a JSON object");
        }
        String bomFormat = "";
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "bomFormat" -> bomFormat = value == JsonToken.VALUE_STRING ? json.getText() : "";
                case "specVersion" -> specVersion = value == JsonToken.VALUE_STRING ? CycloneDxPlugin.cut(json.getText()) : "";
                case "components" -> components(value, 0);
                default -> json.skipChildren();
            }
        }
        if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
            throw error("content after the end of the bill of materials");
        }
        if (!"CycloneDX".equals(bomFormat)) {
            throw error("not a CycloneDX bill of materials: bomFormat is not \"CycloneDX\"");
        }
        if (!CycloneDxPlugin.VERSIONS.contains(specVersion)) {
            throw error("CycloneDX specVersion \"" + specVersion + "\" is not read (1.2 to 1.6 are)");
        }
    }

    private void components(JsonToken start, int depth) throws IOException, ReportParseException {
        if (start != JsonToken.START_ARRAY) {
            throw error("components is an array of component objects");
        }
        if (depth > CycloneDxPlugin.MAX_NESTING) {
            throw error("components nested deeper than " + CycloneDxPlugin.MAX_NESTING);
        }
        while (json.nextToken() == JsonToken.START_OBJECT) {
            component(depth);
        }
        if (json.currentToken() != JsonToken.END_ARRAY) {
            throw error("components is an array of component objects");
        }
    }

    private void component(int depth) throws IOException, ReportParseException {
        JsonLocation at = json.currentTokenLocation();
        ComponentDraft draft = new ComponentDraft(depth);
        try {
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "bom-ref" -> draft.bomRef = text(value);
                    case "type" -> draft.type = text(value);
                    case "group" -> draft.group = text(value);
                    case "name" -> draft.name = text(value);
                    case "version" -> draft.version = text(value);
                    case "purl" -> draft.purl = text(value);
                    case "hashes" -> hashes(draft);
                    case "licenses" -> licences(draft);
                    case "components" -> components(value, depth + 1);
                    default -> json.skipChildren();
                }
            }
            sink.accept(draft.finish(specVersion));
        } catch (ReportParseException e) {
            if (e.position().isPresent()) {
                throw e;
            }
            throw new ReportParseException(e.getMessage(), position(at), null); // the draft's limits say where the component starts
        }
    }

    private String text(JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return CycloneDxPlugin.cut(json.getText());
        }
        json.skipChildren();
        return "";
    }

    private void hashes(ComponentDraft draft) throws IOException, ReportParseException {
        JsonNode hashes = TREES.readTree(json);
        if (hashes == null || !hashes.isArray()) {
            return;
        }
        for (JsonNode hash : hashes) {
            draft.hash(hash.path("alg").asText(""), hash.path("content").asText(""));
        }
    }

    /** {@code licenses}: an array of {@code {"license": {"id"|"name"}}} or {@code {"expression": …}} (1.2–1.6). */
    private void licences(ComponentDraft draft) throws IOException, ReportParseException {
        JsonNode licences = TREES.readTree(json);
        if (licences == null || !licences.isArray()) {
            return;
        }
        for (JsonNode choice : licences) {
            JsonNode licence = choice.path("license");
            if (licence.isObject()) {
                draft.licence(licence.path("id").asText(""), licence.path("name").asText(""));
            } else if (choice.path("expression").isTextual()) {
                draft.expression(choice.path("expression").asText());
            }
        }
    }

    private ReportParseException error(String message) {
        return new ReportParseException(message, position(json.currentTokenLocation()), null);
    }

    private static Optional<ReportParseException.Position> position(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? Optional.empty()
                : Optional.of(new ReportParseException.Position(location.getLineNr(), location.getColumnNr()));
    }
}
