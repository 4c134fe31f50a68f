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
 * SARIF 2.1.0 from any tool (issue 4). A log may hold several runs, each its own tool. The log is
 * read in one streaming pass, so that it can be parsed while it is uploaded: a run's tool (rules, their
 * CWE and default level) comes before its results in every producer we know, and its results are then
 * read one small tree at a time. JSON object members may come in any order, though: a result that
 * needs what its run gives after it (the tool; the {@code originalUriBaseIds} for an absolute path
 * or a base that is not a checkout root; the {@code taxonomies} for a CWE named by taxonomy index)
 * is read, with the rest of its run's results, in a second pass; so is one whose location names an
 * entry of its run's {@code artifacts} or {@code logicalLocations} by index only when that list
 * comes after it. Memory grows with the rules and those lists (within a {@link SarifBudget}), never
 * with the results. Jackson's stream constraints refuse nesting bombs and giant strings before they
 * cost memory.
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

    private final int maxListEntries;
    private final long maxListCharacters;

    /** The plugin as {@code ServiceLoader} finds it, with the {@link SarifBudget} limits. */
    public SarifPlugin() {
        this(SarifBudget.MAX_ENTRIES, SarifBudget.MAX_CHARACTERS);
    }

    /** With other limits on the artifacts and logical locations a log may hold at once (tests). */
    SarifPlugin(int maxListEntries, long maxListCharacters) {
        this.maxListEntries = maxListEntries;
        this.maxListCharacters = maxListCharacters;
    }

    @Override
    public ScannerDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void parse(ReportSource source, Consumer<ReportedFinding> sink) throws ReportParseException {
        List<SarifRun> runs = new ArrayList<>();
        SarifBudget budget = new SarifBudget(maxListEntries, maxListCharacters);
        try (InputStream in = source.open(); JsonParser parser = JSON.createParser(in)) {
            try {
                firstPass(parser, sink, runs, budget);
            } catch (JsonProcessingException e) {
                throw malformed(e, parser);
            }
        } catch (IOException e) {
            throw new ReportParseException("cannot read " + source.name() + ": " + e.getMessage(), Optional.empty(), e);
        }
        if (runs.stream().anyMatch(SarifRun::deferred)) {
            readDeferredResults(source, runs, sink);
        }
    }

    /** The log's members: each run, with the results that can be read at once. */
    private static void firstPass(JsonParser parser, Consumer<ReportedFinding> sink, List<SarifRun> runs, SarifBudget budget)
            throws IOException, ReportParseException {
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
                    runs.add(readRun(parser, sink, budget));
                }
            } else {
                parser.skipChildren();
            }
        }
        // checked at the end: results handed over before a failed check are discarded with the import
        expect(parser, "2.1.0".equals(version), "not a SARIF 2.1.0 log (version " + version + ")");
        expect(parser, sawRuns, "a SARIF log has runs");
    }

    /**
     * One run: its tool, bases, taxonomies, artifacts and logical locations, and its results at once
     * as long as what each needs of them is known (every producer we know writes the tool first; the
     * rest matters only to some results). From the first result that needs more, the run's results
     * are left for a second pass, read once the whole run is known; a run read at once gives its
     * artifacts and logical locations back to the budget.
     */
    private static SarifRun readRun(JsonParser parser, Consumer<ReportedFinding> sink, SarifBudget budget)
            throws IOException, ReportParseException {
        SarifRun run = new SarifRun();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("tool") && value == JsonToken.START_OBJECT) {
                run.tool(SarifTool.of(TREES.readTree(parser)));
            } else if (field.equals("originalUriBaseIds") && value == JsonToken.START_OBJECT) {
                run.bases(SarifBases.of(TREES.readTree(parser)));
            } else if (field.equals("taxonomies") && value == JsonToken.START_ARRAY) {
                run.taxonomies(SarifTaxonomies.of(TREES.readTree(parser)));
            } else if (field.equals("artifacts") && value == JsonToken.START_ARRAY) {
                run.artifacts(SarifArtifacts.read(parser, budget));
            } else if (field.equals("logicalLocations") && value == JsonToken.START_ARRAY) {
                run.logicalLocations(SarifLogicalLocations.read(parser, budget));
            } else if (field.equals("results") && value == JsonToken.START_ARRAY) {
                readResultArray(parser, run, sink, false);
            } else {
                parser.skipChildren();
            }
        }
        run.complete();
        if (!run.deferred()) {
            run.release(budget);
        }
        return run;
    }

    /** The second pass: the results the first left, run by run, in order. */
    private static void readDeferredResults(ReportSource source, List<SarifRun> runs, Consumer<ReportedFinding> sink)
            throws ReportParseException {
        try (InputStream in = source.open(); JsonParser parser = JSON.createParser(in)) {
            try {
                secondPass(parser, runs, sink);
            } catch (JsonProcessingException e) {
                throw malformed(e, parser);
            }
        } catch (IOException e) {
            throw new ReportParseException("cannot read " + source.name() + ": " + e.getMessage(), Optional.empty(), e);
        }
    }

    private static void secondPass(JsonParser parser, List<SarifRun> runs, Consumer<ReportedFinding> sink)
            throws IOException, ReportParseException {
        parser.nextToken();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("runs") && value == JsonToken.START_ARRAY) {
                int index = 0;
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    if (index < runs.size() && runs.get(index).deferred()) {
                        readRunResults(parser, runs.get(index), sink);
                    } else {
                        parser.skipChildren();
                    }
                    index++;
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    private static void readRunResults(JsonParser parser, SarifRun run, Consumer<ReportedFinding> sink)
            throws IOException, ReportParseException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("results") && value == JsonToken.START_ARRAY) {
                readResultArray(parser, run, sink, true);
            } else {
                parser.skipChildren();
            }
        }
    }

    /**
     * The results of an array whose start the parser is on, one small tree at a time. In the first
     * pass, a result that needs what its run has not yet given defers it and the rest of the array;
     * the second pass reads from there on.
     */
    private static void readResultArray(JsonParser parser, SarifRun run, Consumer<ReportedFinding> sink, boolean secondPass)
            throws IOException, ReportParseException {
        int from = secondPass ? run.firstDeferred() : 0;
        int index = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken(), index++) {
            JsonLocation at = parser.currentTokenLocation();
            if (token != JsonToken.START_OBJECT) {
                throw new ReportParseException("a SARIF result is an object", position(at), null);
            }
            if (index < from || !secondPass && run.deferred()) {
                parser.skipChildren();
                continue;
            }
            JsonNode result = TREES.readTree(parser);
            try {
                if (!SarifResults.ready(run, result)) {
                    run.deferFrom(index);
                    continue;
                }
                sink.accept(SarifResults.toFinding(run, result));
            } catch (SarifResults.Invalid e) {
                throw new ReportParseException(e.getMessage(), position(at), e);
            }
        }
    }

    private static void expect(JsonParser parser, boolean condition, String message) throws ReportParseException {
        if (!condition) {
            throw new ReportParseException(message, position(parser.currentLocation()), null);
        }
    }

    /** A broken limit ({@code StreamReadConstraints}) has no location of its own: the parser's is where it broke. */
    private static ReportParseException malformed(JsonProcessingException e, JsonParser parser) {
        return new ReportParseException("malformed SARIF: " + e.getOriginalMessage(),
                position(e.getLocation()).or(() -> position(parser.currentLocation())), e);
    }

    static Optional<ReportParseException.Position> position(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? Optional.empty()
                : Optional.of(new ReportParseException.Position(location.getLineNr(), location.getColumnNr()));
    }
}
