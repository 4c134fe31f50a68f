package org.gatehouse.scanner.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ReportedFinding;
import org.junit.jupiter.api.Test;

/** Where SARIF states a CWE: result taxa, taxonomies, rules of the driver and of extensions, tags, properties. */
class SarifCweTest {
    private final SarifPlugin plugin = new SarifPlugin();

    private List<ReportedFinding> parse(String log) throws ReportParseException {
        List<ReportedFinding> findings = new ArrayList<>();
        plugin.parse(ReportSource.of("log.sarif", log.getBytes(StandardCharsets.UTF_8)), findings::add);
        return findings;
    }

    private List<Optional<Integer>> cwes(String log) throws ReportParseException {
        return parse(log).stream().map(ReportedFinding::cwe).toList();
    }

    private static final String TAXONOMIES = """
            "taxonomies":[{"name":"OWASP","guid":"00000000-0000-0000-0000-00000000000a","taxa":[{"id":"A03"}]},
                          {"name":"CWE","guid":"b8c54a32-de19-51d2-9a08-f0abfbaa7310",
                           "taxa":[{"id":"89"},{"id":"79"},{"id":"CWE-22"}]}]""";

    @Test
    void resultTaxaNameTheCweTaxonomyByNameIndexOrGuid() throws ReportParseException {
        String log = """
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[
                  {"ruleId":"a","message":{"text":"by name, id 79"},"taxa":[{"id":"79","toolComponent":{"name":"CWE"}}]},
                  {"ruleId":"b","message":{"text":"by name, id CWE-79"},"taxa":[{"id":"CWE-79","toolComponent":{"name":"CWE"}}]},
                  {"ruleId":"c","message":{"text":"by index"},"taxa":[{"id":"89","toolComponent":{"index":1}}]},
                  {"ruleId":"d","message":{"text":"by guid, taxon by index"},
                   "taxa":[{"index":2,"toolComponent":{"guid":"b8c54a32-de19-51d2-9a08-f0abfbaa7310"}}]},
                  {"ruleId":"e","message":{"text":"another taxonomy first"},
                   "taxa":[{"id":"A03","toolComponent":{"index":0}},{"index":0,"toolComponent":{"name":"CWE"}}]},
                  {"ruleId":"f","message":{"text":"not the CWE"},"taxa":[{"id":"79","toolComponent":{"name":"OWASP"}}]}],
                 %s}]}""".formatted(TAXONOMIES);
        assertEquals(List.of(Optional.of(79), Optional.of(79), Optional.of(89), Optional.of(22), Optional.of(89), Optional.empty()),
                cwes(log));
    }

    @Test
    void taxonomiesBeforeOrAfterTheResultsGiveTheSame() throws ReportParseException {
        String results = """
                "results":[{"ruleId":"a","message":{"text":"m"},"taxa":[{"id":"79","toolComponent":{"index":1}}]},
                           {"ruleId":"R","message":{"text":"m"}}]""";
        String tool = """
                "tool":{"driver":{"name":"t","rules":[{"id":"R","relationships":[{"target":{"id":"22","toolComponent":{"index":1}}}]}]}}""";
        List<Optional<Integer>> before = cwes("{\"version\":\"2.1.0\",\"runs\":[{" + tool + "," + TAXONOMIES + "," + results + "}]}");
        List<Optional<Integer>> after = cwes("{\"version\":\"2.1.0\",\"runs\":[{" + tool + "," + results + "," + TAXONOMIES + "}]}");
        assertEquals(List.of(Optional.of(79), Optional.of(22)), before);
        assertEquals(before, after);
    }

    @Test
    void rulesOfToolExtensionsAreFoundByComponentAndIndex() throws ReportParseException {
        String log = """
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"CodeQL","rules":[{"id":"d0"}]},
                  "extensions":[{"name":"codeql/java-queries","rules":[
                      {"id":"java/sql-injection","shortDescription":{"text":"SQL injection"},
                       "properties":{"tags":["security","external/cwe/cwe-089"]}},
                      {"id":"java/xss","properties":{"tags":["external/cwe/cwe-079"]}}]},
                    {"name":"custom","rules":[{"id":"path","properties":{"cwe":"CWE-22"}}]}]},
                 "results":[
                  {"ruleId":"java/xss","rule":{"id":"java/xss","index":1,"toolComponent":{"index":0}},"message":{"text":"a"}},
                  {"rule":{"index":0,"toolComponent":{"index":0}},"message":{"text":"b"}},
                  {"ruleId":"path","rule":{"id":"path","toolComponent":{"name":"custom"}},"message":{"text":"c"}},
                  {"ruleId":"java/sql-injection","message":{"text":"d: rule id only, found in an extension"}}]}]}""";
        List<ReportedFinding> findings = parse(log);
        assertEquals(List.of(Optional.of(79), Optional.of(89), Optional.of(22), Optional.of(89)),
                findings.stream().map(ReportedFinding::cwe).toList());
        assertEquals(List.of("java/xss", "java/sql-injection", "path", "java/sql-injection"),
                findings.stream().map(ReportedFinding::ruleId).toList());
        assertEquals("SQL injection", findings.get(1).title());
    }

    @Test
    void propertiesCweOfTheRuleOrTheResult() throws ReportParseException {
        String log = """
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t","rules":[
                   {"id":"number","properties":{"cwe":78}},
                   {"id":"text","properties":{"cwe":"CWE-611"}},
                   {"id":"digits","properties":{"cwe":"502"}},
                   {"id":"tagged","properties":{"tags":["CWE-327"],"cwe":"CWE-1"}}]}},
                 "results":[
                  {"ruleId":"number","message":{"text":"a"}},
                  {"ruleId":"text","message":{"text":"b"}},
                  {"ruleId":"digits","message":{"text":"c"}},
                  {"ruleId":"tagged","message":{"text":"d: tags before properties.cwe"}},
                  {"ruleId":"number","message":{"text":"e: the result's own"},"properties":{"cwe":"CWE-77"}},
                  {"ruleId":"none","message":{"text":"f"}}]}]}""";
        assertEquals(List.of(Optional.of(78), Optional.of(611), Optional.of(502), Optional.of(327), Optional.of(77), Optional.empty()),
                cwes(log));
    }
}
