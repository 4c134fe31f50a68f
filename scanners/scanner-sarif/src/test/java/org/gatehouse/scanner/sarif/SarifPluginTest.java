package org.gatehouse.scanner.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.scanner.api.Location;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.ScannerPlugin;
import org.gatehouse.scanner.api.Severity;
import org.gatehouse.scanner.api.Suppression;
import org.gatehouse.scanner.testkit.HostileInputs;
import org.gatehouse.scanner.testkit.ScannerPluginContractTest;
import org.junit.jupiter.api.Test;

/** The contract over real SARIF fixtures (copies of shared/fixtures/sarif), plus what SARIF itself must get right. */
class SarifPluginTest extends ScannerPluginContractTest {
    private final SarifPlugin plugin = new SarifPlugin();



    @Override
    protected ScannerPlugin plugin() {
        return plugin;
    }

    @Override
    protected ReportSource noFindings() {
        return fixture("no_runs.sarif");
    }

    @Override
    protected ReportSource oneFinding() {
        return fixture("appendix_k.sarif");
    }

    @Override
    protected Map<ReportSource, Integer> manyFindings() {
        Map<ReportSource, Integer> many = new LinkedHashMap<>();
        many.put(fixture("codeQL-output.sarif"), 72);
        many.put(fixture("spotbugs.sarif"), 56);
        many.put(fixture("gitleaks_7.5.0.sarif"), 8);
        many.put(fixture("suppression_test.sarif"), 5);
        many.put(fixture("fsb-1.14.0-owasp-benchmark.sarif.gz"), 8_233);
        many.put(fixture("bash-report.sarif"), 27);
        many.put(fixture("bash-report-fabricated-no-internal-dupes-subset.sarif"), 4);
        many.put(fixture("suppressions_handwritten.sarif"), 5);
        many.put(fixture("indexed_handwritten.sarif"), 8);
        many.put(fixture("indexed_lists_last_handwritten.sarif"), 8);
        return many;
    }

    @Override
    protected List<ReportSource> hostile() {
        List<ReportSource> hostile = new ArrayList<>(HostileInputs.json());
        hostile.add(text("SARIF 1.0", "{\"version\":\"1.0.0\",\"runs\":[]}"));
        hostile.add(text("no version", "{\"runs\":[]}"));
        hostile.add(text("result without rule and message", "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":"
                + "{\"name\":\"t\"}},\"results\":[{\"level\":\"error\"}]}]}"));
        hostile.add(SarifIndexedLocationsTest.artifactsBeyondTheCap());
        return hostile;
    }

    private static ReportSource text(String name, String json) {
        return ReportSource.of(name, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fsbCweComesFromRuleRelationshipsAndCodeQlFromTags() throws ReportParseException {
        List<ReportedFinding> fsb = parse(plugin, fixture("fsb-1.14.0-owasp-benchmark.sarif.gz"));
        assertTrue(fsb.stream().anyMatch(f -> f.cwe().equals(Optional.of(89))), "SQL injection findings carry CWE-89");
        assertEquals("SpotBugs", fsb.get(0).tool());
        assertTrue(fsb.stream().allMatch(f -> f.location() instanceof Location.Code c && !c.path().startsWith("/")));
        List<ReportedFinding> codeql = parse(plugin, fixture("codeQL-output.sarif"));
        assertTrue(codeql.stream().anyMatch(f -> f.cwe().isPresent()), "external/cwe/cwe-NNN tags");
        assertTrue(codeql.stream().allMatch(f -> f.fingerprint().scheme().equals("sarif:partialFingerprints")));
    }

    @Test
    void suppressedResultsCarryTheirKind() throws ReportParseException {
        List<ReportedFinding> findings = parse(plugin, fixture("suppression_test.sarif"));
        assertEquals(List.of(Optional.of("external"), Optional.of("external"), Optional.of("inSource"), Optional.empty(),
                Optional.empty()), findings.stream().map(f -> f.suppression().map(Suppression::kind)).toList());
        assertTrue(findings.stream().flatMap(f -> f.suppression().stream()).allMatch(s -> s.justification().isEmpty()),
                "that real report gives no justification");
    }

    @Test
    void suppressedResultsCarryTheirJustification() throws ReportParseException {
        // a hand-written fixture: no real report at hand gives a justification (see fixtures/README.md)
        List<ReportedFinding> findings = parse(plugin, fixture("suppressions_handwritten.sarif"));
        assertEquals(List.of(Optional.of(new Suppression("inSource", Optional.of("Test key, never deployed; see SEC-142."))),
                Optional.of(new Suppression("external", Optional.of("Accepted in the baseline of release 4.2."))),
                Optional.empty(), Optional.empty(), Optional.empty()),
                findings.stream().map(ReportedFinding::suppression).toList(), "rejected and under review stay open");
    }

    @Test
    void resultSecuritySeverityComesBeforeTheRules() throws ReportParseException {
        String log = """
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t","rules":[
                  {"id":"R","defaultConfiguration":{"level":"note"},"properties":{"security-severity":"7.5"}}]}},
                 "results":[{"ruleId":"R","message":{"text":"the rule's"}},
                            {"ruleId":"R","message":{"text":"the result's"},"properties":{"security-severity":"9.1"}},
                            {"ruleId":"R","message":{"text":"the result's, a number"},"properties":{"security-severity":2.0}},
                            {"ruleId":"R","level":"note","message":{"text":"the score wins over the level"}}]}]}""";
        assertEquals(List.of(Severity.HIGH, Severity.CRITICAL, Severity.LOW, Severity.HIGH),
                parse(plugin, text("scores", log)).stream().map(ReportedFinding::severity).toList());
    }

    @Test
    void runsWithEmptyMissingOrNullResultsAreValidAndGiveNone() throws ReportParseException {
        String log = """
                {"version":"2.1.0","runs":[
                  {"tool":{"driver":{"name":"empty"}},"results":[]},
                  {"tool":{"driver":{"name":"missing"}}},
                  {"tool":{"driver":{"name":"failed"}},"results":null},
                  {"tool":{"driver":{"name":"one"}},"results":[{"ruleId":"R","message":{"text":"m"}}]}]}""";
        List<ReportedFinding> findings = parse(plugin, text("runs", log));
        assertEquals(List.of("one"), findings.stream().map(ReportedFinding::tool).toList());
        assertEquals(List.of(), parse(plugin, text("no results", "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":"
                + "{\"name\":\"t\"}},\"results\":[]}]}")));
    }

    @Test
    void aLocationThatIsOnlyLogicalKeepsItsLogicalNameAndIdentity() throws ReportParseException {
        String template = """
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[
                 {"ruleId":"R","message":{"text":"%s"},
                  "locations":[{"logicalLocations":[{"fullyQualifiedName":"shop.Orders.place(Cart)","kind":"function"}]}]}]}]}""";
        ReportedFinding only = parse(plugin, text("logical", template.formatted("a message"))).get(0);
        Location.Code where = (Location.Code) only.location();
        assertEquals("", where.path());
        assertEquals(Optional.of("shop.Orders.place(Cart)"), where.logical());
        assertTrue(where.startLine().isEmpty());
        assertEquals(only.fingerprint(), parse(plugin, text("logical", template.formatted("another message"))).get(0).fingerprint(),
                "rule and logical location identify it; the message does not");
    }

    @Test
    void resultsWaitForTheRunsBasesOnlyFromTheFirstThatNeedsThem() throws ReportParseException {
        // SpotBugs writes originalUriBaseIds after the results: a relative path is read at once, an absolute one waits
        String log = """
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[
                  {"ruleId":"R","message":{"text":"a"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/A.java"}}}]},
                  {"ruleId":"R","message":{"text":"b"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"file:///ws/app/B.java"}}}]},
                  {"ruleId":"R","message":{"text":"c"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/C.java"}}}]}],
                 "originalUriBaseIds":{"ROOT":{"uri":"file:///ws/"}}}]}""";
        Opens opens = new Opens(text("bases last", log));
        List<ReportedFinding> findings = parse(plugin, opens);
        assertEquals(List.of("src/A.java", "app/B.java", "src/C.java"),
                findings.stream().map(f -> ((Location.Code) f.location()).path()).toList());
        assertEquals(2, opens.count);
    }

    @Test
    void levelsAndSecuritySeverityMapToGatehouseSeverities() throws ReportParseException {
        String log = """
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t","rules":[
                  {"id":"R1","defaultConfiguration":{"level":"error"}},
                  {"id":"R2","properties":{"security-severity":"9.8"}}]}},
                 "results":[{"ruleId":"R1","message":{"text":"a"}},{"ruleId":"R2","message":{"text":"b"}},
                            {"ruleId":"R1","level":"note","message":{"text":"c"}},{"ruleId":"R3","message":{"text":"d"}}]}]}""";
        List<ReportedFinding> findings = parse(plugin, text("levels", log));
        assertEquals(List.of(Severity.HIGH, Severity.CRITICAL, Severity.LOW, Severity.MEDIUM),
                findings.stream().map(ReportedFinding::severity).toList());
    }

    @Test
    void derivedIdentitySurvivesLineShiftsAndCheckoutPrefixes() throws ReportParseException {
        String template = """
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[{"ruleId":"sqli",
                 "message":{"text":"tainted query"},
                 "locations":[{"physicalLocation":{"artifactLocation":{"uri":"%s"},
                   "region":{"startLine":%d,"snippet":{"text":"  stmt.execute(q);  "}}},
                   "logicalLocations":[{"fullyQualifiedName":"com.shop.Dao.find"}]}]}]}]}""";
        ReportedFinding here = parse(plugin, text("a", template.formatted("file:///home/ci/build-17/src/main/java/Dao.java", 40))).get(0);
        ReportedFinding there = parse(plugin, text("b", template.formatted("/var/lib/jenkins/ws/src/main/java/Dao.java", 52))).get(0);
        ReportedFinding relative = parse(plugin, text("c", template.formatted("src/main/java/Dao.java", 7))).get(0);
        assertEquals("src/main/java/Dao.java", ((Location.Code) here.location()).path());
        assertEquals(here.fingerprint(), there.fingerprint());
        assertEquals(here.fingerprint(), relative.fingerprint());
        ReportedFinding otherMethod = parse(plugin, text("d", template.replace("Dao.find", "Dao.save")
                .formatted("src/main/java/Dao.java", 7))).get(0);
        assertNotEquals(here.fingerprint(), otherMethod.fingerprint());
    }

    @Test
    void aRunWhoseToolFollowsItsResultsIsReadInASecondPassAndOthersInOne() throws ReportParseException {
        // JSON members come in any order: the second run names its tool (and the rule's CWE) after its results
        String log = """
                {"runs":[{"tool":{"driver":{"name":"first","rules":[{"id":"R1","properties":{"tags":["external/cwe/cwe-79"]}}]}},
                          "results":[{"ruleId":"R1","message":{"text":"a"}}]},
                         {"results":[{"ruleId":"R2","message":{"text":"b"}},{"ruleId":"R2","message":{"text":"c"}}],
                          "tool":{"driver":{"name":"second","rules":[{"id":"R2","properties":{"tags":["external/cwe/cwe-89"]}}]}}}],
                 "version":"2.1.0"}""";
        Opens opens = new Opens(text("mixed", log));
        List<ReportedFinding> findings = parse(plugin, opens);
        assertEquals(List.of("first", "second", "second"), findings.stream().map(ReportedFinding::tool).toList());
        assertEquals(List.of(Optional.of(79), Optional.of(89), Optional.of(89)), findings.stream().map(ReportedFinding::cwe).toList());
        assertEquals(2, opens.count, "a second pass for the run whose tool came last");

        Opens usual = new Opens(fixture("codeQL-output.sarif"));
        assertEquals(72, parse(plugin, usual).size());
        assertEquals(1, usual.count, "a log whose tools come first is read once, so it can be parsed while it arrives");
    }

    /** Counts how often a plugin opens the report. */
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
        public java.io.InputStream open() throws java.io.IOException {
            count++;
            return source.open();
        }
    }

    @Test
    void aParseErrorSaysWhere() {
        try {
            parse(plugin, text("broken", "{\"version\":\"2.1.0\",\n\"runs\":[\n{\"results\": [ } ]}"));
        } catch (ReportParseException e) {
            assertEquals(3, e.position().orElseThrow().line());
            return;
        }
        throw new AssertionError("accepted a broken log");
    }
}
