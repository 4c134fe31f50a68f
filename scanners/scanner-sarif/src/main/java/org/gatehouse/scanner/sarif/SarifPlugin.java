package org.gatehouse.scanner.sarif;

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
import java.util.ArrayList;
import java.util.List;
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
 * SARIF 2.1.0 from any tool (issue 4). A log may hold several runs, each its own tool. JSON object
 * members come in any order, so the log is read in two streaming passes: first every run's tool
 * (rules, their CWE and default level), then its results, one small tree at a time; memory grows
 * with the rules, never with the results. Jackson's stream constraints refuse nesting bombs and
 * giant strings before they cost memory.
 */
public final class SarifPlugin implements ScannerPlugin {
    static final ScannerDescriptor DESCRIPTOR = new ScannerDescriptor("sarif", "SARIF 2.1.0", AnalysisKind.WHITE_BOX,
            Set.of("sarif", "json"));
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(100)
                    .maxStringLength(10_000_000)
                    .maxNumberLength(100)
                    .build())
            .build();
    private static final ObjectMapper TREES = new ObjectMapper(JSON);

    @Override
    public ScannerDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void parse(ReportSource source, Consumer<ReportedFinding> sink) throws ReportParseException {
        List<SarifRun> runs = readTools(source);
        readResults(source, runs, sink);
    }

    /** Pass 1: version check and every run's tool; results are skipped. */
    private static List<SarifRun> readTools(ReportSource source) throws ReportParseException {
        List<SarifRun> runs = new ArrayList<>();
        try (InputStream in = source.open(); JsonParser parser = JSON.createParser(in)) {
            expect(parser, parser.nextToken() == JsonToken.START_OBJECT, "a SARIF log is a JSON object");
            String version = null;
            boolean sawRuns = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("version") && value == JsonToken.VALUE_STRING) {
                    version = parser.getText();
                } else if (field.equals("runs") && value == JsonToken.VALUE_NULL) {
                    sawRuns = true; // allowed: the tool failed before it could run
                } else if (field.equals("runs") && value == JsonToken.START_ARRAY) {
                    sawRuns = true;
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        runs.add(readRunTool(parser));
                    }
                } else {
                    parser.skipChildren();
                }
            }
            expect(parser, "2.1.0".equals(version), "not a SARIF 2.1.0 log (version " + version + ")");
            expect(parser, sawRuns, "a SARIF log has runs");
            return runs;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new ReportParseException("cannot read " + source.name() + ": " + e.getMessage(), Optional.empty(), e);
        }
    }

    private static SarifRun readRunTool(JsonParser parser) throws IOException {
        SarifRun run = SarifRun.empty();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("tool")) {
                run = SarifRun.of(TREES.readTree(parser));
            } else {
                parser.skipChildren();
            }
        }
        return run;
    }

    /** Pass 2: the results of each run, in order. */
    private static void readResults(ReportSource source, List<SarifRun> runs, Consumer<ReportedFinding> sink)
            throws ReportParseException {
        try (InputStream in = source.open(); JsonParser parser = JSON.createParser(in)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("runs") && value == JsonToken.START_ARRAY) {
                    int index = 0;
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        readRunResults(parser, runs.get(index++), sink);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new ReportParseException("cannot read " + source.name() + ": " + e.getMessage(), Optional.empty(), e);
        } catch (SarifResults.Invalid e) {
            throw new ReportParseException(e.getMessage(), Optional.empty(), e);
        }
    }

    private static void readRunResults(JsonParser parser, SarifRun run, Consumer<ReportedFinding> sink) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("results") && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode result = TREES.readTree(parser);
                    sink.accept(SarifResults.toFinding(run, result));
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    private static void expect(JsonParser parser, boolean condition, String message) throws ReportParseException {
        if (!condition) {
            throw new ReportParseException(message, position(parser.currentLocation()), null);
        }
    }

    private static ReportParseException malformed(JsonProcessingException e) {
        return new ReportParseException("malformed SARIF: " + e.getOriginalMessage(), position(e.getLocation()), e);
    }

    private static Optional<ReportParseException.Position> position(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? Optional.empty()
                : Optional.of(new ReportParseException.Position(location.getLineNr(), location.getColumnNr()));
    }
}
