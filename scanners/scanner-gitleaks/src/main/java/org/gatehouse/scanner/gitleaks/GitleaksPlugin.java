package org.gatehouse.scanner.gitleaks;

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
import java.util.Set;
import java.util.function.Consumer;
import org.gatehouse.scanner.api.AnalysisKind;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.ScannerDescriptor;
import org.gatehouse.scanner.api.ScannerPlugin;

/**
 * Gitleaks 8 JSON reports (C.2, 8.5.2: production keys and passwords must not sit in source or test
 * data): a JSON array of leaks, or {@code null} when Gitleaks found none. Read as a stream, one leak
 * at a time. The leaked secret ({@code Secret}, {@code Match}) is never read into a finding, nor the
 * author's name and e-mail: a tracked finding names the rule, the file and the lines (see
 * {@link GitleaksLeak}).
 */
public final class GitleaksPlugin implements ScannerPlugin {
    static final ScannerDescriptor DESCRIPTOR = new ScannerDescriptor("gitleaks", "Gitleaks", AnalysisKind.SECRETS,
            Set.of("json"));
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(1_000_000)
                    .maxNumberLength(40).build())
            .build();
    private static final ObjectMapper TREES = new ObjectMapper(JSON);

    @Override
    public ScannerDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void parse(ReportSource source, Consumer<ReportedFinding> sink) throws ReportParseException {
        try (InputStream in = source.open(); JsonParser json = JSON.createParser(in)) {
            JsonToken first = json.nextToken();
            if (first == null) {
                throw new ReportParseException("an empty file is not a Gitleaks report",
                        position(json.currentLocation()).orElse(ReportParseException.Position.START));
            }
            if (first == JsonToken.VALUE_NULL) {
                end(json);
                return; // Gitleaks 8 writes null when it finds nothing
            }
            if (first != JsonToken.START_ARRAY) {
                throw error(json, "not a Gitleaks 8 report: it is not a JSON array of leaks");
            }
            while (json.nextToken() == JsonToken.START_OBJECT) {
                JsonLocation at = json.currentTokenLocation();
                JsonNode leak = TREES.readTree(json);
                sink.accept(GitleaksLeak.of(leak).orElseThrow(() -> error(at,
                        "not a Gitleaks 8 leak: RuleID and File are required")).toFinding());
            }
            if (json.currentToken() != JsonToken.END_ARRAY) {
                throw error(json, "a Gitleaks report holds only leak objects");
            }
            end(json);
        } catch (JsonProcessingException e) {
            throw new ReportParseException("malformed Gitleaks JSON: " + e.getOriginalMessage(), position(e.getLocation()),
                    e);
        } catch (IOException e) {
            throw new ReportParseException("cannot read " + source.name() + ": " + e.getMessage(), Optional.empty(), e);
        }
    }

    private static void end(JsonParser json) throws IOException, ReportParseException {
        if (json.nextToken() != null) {
            throw error(json, "content after the end of the report");
        }
    }

    private static ReportParseException error(JsonParser json, String message) {
        return error(json.currentTokenLocation(), message);
    }

    private static ReportParseException error(JsonLocation at, String message) {
        return new ReportParseException(message, position(at), null);
    }

    private static Optional<ReportParseException.Position> position(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? Optional.empty()
                : Optional.of(new ReportParseException.Position(location.getLineNr(), location.getColumnNr()));
    }
}
