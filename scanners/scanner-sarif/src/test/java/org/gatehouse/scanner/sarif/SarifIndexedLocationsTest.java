package org.gatehouse.scanner.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gatehouse.scanner.api.Fingerprint;
import org.gatehouse.scanner.api.Location;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ReportedFinding;
import org.junit.jupiter.api.Test;

/**
 * Artifact and logical locations named by index into the run's {@code artifacts} and
 * {@code logicalLocations} (SARIF 2.1.0 §3.4.5, §3.33.2). The {@code indexed_*} fixtures are written
 * by hand: no shared fixture has index-only locations (see fixtures/README.md).
 */
class SarifIndexedLocationsTest {
    private static final List<String> PATHS = List.of("src/main/java/shop/Orders.java", "src/main/java/shop/Dao.java",
            "src/main/java/shop/Cart.java", "src/main/java/shop/Dao.java", "src/main/java/shop/Cart.java", "web/js/checkout.js",
            "tools/gen.sh", "");
    private static final List<Optional<String>> LOGICAL = List.of(Optional.of("shop.Orders.place"), Optional.of("shop.Dao.find"),
            Optional.of("shop.Cart.total"), Optional.empty(), Optional.empty(), Optional.of("checkout"), Optional.empty(),
            Optional.of("shop.Cart.total"));

    private final SarifPlugin plugin = new SarifPlugin();

    @Test
    void indexOnlyLocationsGiveTheIdentitiesOfTheSameResultsWrittenWithUris() throws Exception {
        Opens indexed = new Opens(fixture("indexed_handwritten.sarif"));
        List<ReportedFinding> findings = parse(plugin, indexed);
        List<ReportedFinding> written = parse(plugin, fixture("indexed_as_uris_handwritten.sarif"));
        assertEquals(PATHS, paths(findings));
        assertEquals(LOGICAL, logical(findings));
        assertEquals(fingerprints(written), fingerprints(findings));
        assertTrue(findings.stream().allMatch(f -> f.fingerprint().scheme().equals("derived:v1")));
        assertNotEquals(findings.get(3).fingerprint(), findings.get(4).fingerprint(),
                "one rule and message in two files, named by index: two identities (they were one, without a path)");
        assertEquals(1, indexed.count, "lists before the results: read once");
    }

    @Test
    void listsAfterTheResultsAreReadInASecondPassFromTheFirstResultThatNeedsThem() throws Exception {
        Opens opens = new Opens(fixture("indexed_lists_last_handwritten.sarif"));
        List<ReportedFinding> findings = new ArrayList<>();
        List<Integer> pass = new ArrayList<>();
        plugin.parse(opens, finding -> {
            findings.add(finding);
            pass.add(opens.count);
        });
        assertEquals(PATHS, paths(findings));
        assertEquals(LOGICAL, logical(findings));
        assertEquals(fingerprints(parse(plugin, fixture("indexed_as_uris_handwritten.sarif"))), fingerprints(findings));
        assertEquals(List.of(1, 2, 2, 2, 2, 2, 2, 2), pass, "the first result names its file by uri: handed over at once");
    }

    @Test
    void aUriOfTheResultsOwnWinsOverItsIndexAndItsNameOverTheListedOne() throws ReportParseException {
        String log = """
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},
                 "artifacts":[{"location":{"uri":"src/Listed.java"}}],"logicalLocations":[{"fullyQualifiedName":"Listed.m"}],
                 "results":[{"ruleId":"R","message":{"text":"m"},"locations":[{
                   "physicalLocation":{"artifactLocation":{"uri":"src/Own.java","index":7}},
                   "logicalLocations":[{"name":"own","index":0}]}]}]}]}""";
        ReportedFinding only = parse(plugin, text(log)).get(0);
        assertEquals("src/Own.java", ((Location.Code) only.location()).path(), "an index beside a uri is not even checked");
        assertEquals(Optional.of("own"), ((Location.Code) only.location()).logical());
    }

    @Test
    void anIndexOutOfRangeIsRefusedWhereItsResultIs() {
        ReportParseException refused = assertThrows(ReportParseException.class,
                () -> parse(plugin, fixture("indexed_out_of_range_handwritten.sarif")));
        assertEquals(new ReportParseException.Position(12, 9), refused.position().orElseThrow(), refused.getMessage());
        assertTrue(refused.getMessage().contains("artifact location index 2 is out of range"), refused.getMessage());
    }

    @Test
    void anIndexOutOfRangeOfListsAfterTheResultsOrOfNoListIsRefusedInTheSecondPass() {
        String artifactsLast = """
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[
                  {"ruleId":"R","message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"index":0}}}]},
                  {"ruleId":"R","message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"index":1}}}]}],
                 "artifacts":[{"location":{"uri":"src/A.java"}}]}]}""";
        assertRefusedAt(artifactsLast, 3, 3, "artifact location index 1");
        String noLogicalLocations = """
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[
                  {"ruleId":"R","message":{"text":"m"},"locations":[{"logicalLocations":[{"index":0}]}]}]}]}""";
        assertRefusedAt(noLogicalLocations, 2, 3, "logical location index 0");
    }

    @Test
    void aHostileArtifactsArrayBeyondTheCapIsRefusedAtTheFirstEntryTooMany() {
        ReportParseException refused = assertThrows(ReportParseException.class,
                () -> parse(plugin, artifactsBeyondTheCap()));
        assertEquals(new ReportParseException.Position(3 + SarifBudget.MAX_ENTRIES, 1), refused.position().orElseThrow());
        assertTrue(refused.getMessage().startsWith("too many artifacts"), refused.getMessage());
    }

    @Test
    void characterAndLogicalLocationCapsAreRefusedToo() {
        SarifPlugin small = new SarifPlugin(3, 100);
        String longUri = "{\"version\":\"2.1.0\",\"runs\":[{\"artifacts\":[{\"location\":{\"uri\":\"" + "a".repeat(101) + "\"}}]}]}";
        assertTrue(assertThrows(ReportParseException.class, () -> parse(small, text(longUri))).getMessage()
                .startsWith("too many artifacts"));
        String names = """
                {"version":"2.1.0","runs":[{"logicalLocations":[{"name":"a"},{"name":"b"},{"name":"c"},
                 {"name":"d"}]}]}""";
        ReportParseException refused = assertThrows(ReportParseException.class, () -> parse(small, text(names)));
        assertEquals(new ReportParseException.Position(2, 2), refused.position().orElseThrow(), refused.getMessage());
    }

    @Test
    void aRunReadAtOnceGivesItsListsBackToTheLogsBudget() throws ReportParseException {
        SarifPlugin small = new SarifPlugin(3, 1_000);
        String run = """
                {"tool":{"driver":{"name":"t"}},"artifacts":[{"location":{"uri":"src/A.java"}},{"location":{"uri":"src/B.java"}}],
                 "results":[{"ruleId":"R","message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"index":1}}}]}]}""";
        List<ReportedFinding> findings = parse(small, text("{\"version\":\"2.1.0\",\"runs\":[" + run + "," + run + "]}"));
        assertEquals(List.of("src/B.java", "src/B.java"), paths(findings));
        String waiting = """
                {"results":[{"ruleId":"R","message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"index":1}}}]}],
                 "artifacts":[{"location":{"uri":"src/A.java"}},{"location":{"uri":"src/B.java"}}],"tool":{"driver":{"name":"t"}}}""";
        assertThrows(ReportParseException.class, () -> parse(small, text("{\"version\":\"2.1.0\",\"runs\":[" + waiting + "," + waiting + "]}")),
                "runs that wait for a second pass hold their lists together");
    }

    /** A log whose run lists one artifact more than the cap, one per line from line 3 on. */
    static ReportSource artifactsBeyondTheCap() {
        StringBuilder log = new StringBuilder("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"t\"}},\n\"artifacts\":[\n");
        for (int i = 0; i <= SarifBudget.MAX_ENTRIES; i++) {
            log.append(i == 0 ? "" : ",\n").append("{}");
        }
        return text(log.append("]}]}").toString());
    }

    private void assertRefusedAt(String log, long line, long column, String message) {
        ReportParseException refused = assertThrows(ReportParseException.class, () -> parse(plugin, text(log)));
        assertEquals(new ReportParseException.Position(line, column), refused.position().orElseThrow(), refused.getMessage());
        assertTrue(refused.getMessage().contains(message), refused.getMessage());
    }

    private static List<ReportedFinding> parse(SarifPlugin plugin, ReportSource source) throws ReportParseException {
        List<ReportedFinding> findings = new ArrayList<>();
        plugin.parse(source, findings::add);
        return findings;
    }

    private static List<String> paths(List<ReportedFinding> findings) {
        return findings.stream().map(f -> ((Location.Code) f.location()).path()).toList();
    }

    private static List<Optional<String>> logical(List<ReportedFinding> findings) {
        return findings.stream().map(f -> ((Location.Code) f.location()).logical()).toList();
    }

    private static List<Fingerprint> fingerprints(List<ReportedFinding> findings) {
        return findings.stream().map(ReportedFinding::fingerprint).toList();
    }

    private static ReportSource text(String json) {
        return ReportSource.of("log.sarif", json.getBytes(StandardCharsets.UTF_8));
    }

    private static ReportSource fixture(String name) throws IOException {
        try (InputStream in = SarifIndexedLocationsTest.class.getResourceAsStream("/fixtures/" + name)) {
            return ReportSource.of(name, in.readAllBytes());
        }
    }

    /** Counts how often the plugin opens the report. */
    private static final class Opens implements ReportSource {
        private final ReportSource source;
        private int count;

        Opens(ReportSource source) {
            this.source = source;
        }

        @Override
        public String name() {
            return source.name();
        }

        @Override
        public InputStream open() throws IOException {
            count++;
            return source.open();
        }
    }
}
