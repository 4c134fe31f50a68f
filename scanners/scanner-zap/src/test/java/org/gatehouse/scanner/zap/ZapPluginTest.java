package org.gatehouse.scanner.zap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import org.gatehouse.scanner.testkit.HostileInputs;
import org.gatehouse.scanner.testkit.ScannerPluginContractTest;
import org.junit.jupiter.api.Test;

/** The contract over real ZAP 2.9–2.17 reports, and the same findings from XML, JSON and JSON-plus. */
class ZapPluginTest extends ScannerPluginContractTest {
    private final ZapPlugin plugin = new ZapPlugin();


    @Override
    protected ScannerPlugin plugin() {
        return plugin;
    }

    @Override
    protected ReportSource noFindings() {
        return fixture("empty_2.9.0.xml");
    }

    @Override
    protected ReportSource oneFinding() {
        return fixture("one_instance_edited.xml");
    }

    @Override
    protected Map<ReportSource, Integer> manyFindings() {
        Map<ReportSource, Integer> many = new LinkedHashMap<>();
        many.put(fixture("0_zap_sample.xml"), 12); // 15 instances in the file, but one alert (3) is inside an XML comment
        many.put(fixture("zap-2.17.0-traditional.xml"), 14);
        many.put(fixture("zap-2.17.0-traditional.json"), 14);
        many.put(fixture("zap-2.17.0-traditional-plus.json"), 14);
        many.put(fixture("zap_2.16.1_with_req_resp.xml"), 13);
        many.put(fixture("zap-results-first-scan.xml"), 130);
        many.put(fixture("zap-results-second-scan.xml"), 126);
        return many;
    }

    @Override
    protected List<ReportSource> hostile() {
        List<ReportSource> hostile = new ArrayList<>(HostileInputs.xml());
        hostile.addAll(HostileInputs.json());
        return hostile;
    }

    @Test
    void xmlJsonAndJsonPlusOfOneScanGiveTheSameFindings() throws ReportParseException {
        List<ReportedFinding> xml = parse(plugin, fixture("zap-2.17.0-traditional.xml"));
        List<ReportedFinding> json = parse(plugin, fixture("zap-2.17.0-traditional.json"));
        List<ReportedFinding> plus = parse(plugin, fixture("zap-2.17.0-traditional-plus.json"));
        assertEquals(xml.stream().map(f -> f.fingerprint().value()).sorted().toList(),
                json.stream().map(f -> f.fingerprint().value()).sorted().toList());
        assertEquals(json.stream().map(f -> f.fingerprint().value()).sorted().toList(),
                plus.stream().map(f -> f.fingerprint().value()).sorted().toList());
    }

    @Test
    void reflectedXssAndSqlInjectionAreHighWithTheirCwe() throws ReportParseException {
        List<ReportedFinding> findings = parse(plugin, fixture("zap-2.17.0-traditional.xml"));
        ReportedFinding xss = findings.stream().filter(f -> f.ruleId().equals("40012")).findFirst().orElseThrow();
        assertEquals(Severity.HIGH, xss.severity());
        assertEquals(Optional.of(79), xss.cwe());
        Location.Url where = (Location.Url) xss.location();
        assertEquals(Optional.of("q"), where.parameter());
        assertEquals(Optional.of("GET"), where.method());
        assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("40018") && f.cwe().equals(Optional.of(89))));
    }

    @Test
    void identityIgnoresQueryValuesButNotPathsOrParameters() {
        assertEquals(ZapAlert.identityPath("http://Shop.example:8080/search?q=%3Cscript%3E&page=2"),
                ZapAlert.identityPath("http://shop.example:8080/search?page=9&q=anything"));
        assertEquals("/search?page&q", ZapAlert.identityPath("http://shop.example:8080/search?q=1&page=2&q=3#top"));
        assertNotEquals(ZapAlert.identityPath("http://shop.example/search?q=1"),
                ZapAlert.identityPath("http://shop.example/find?q=1"));
        assertNotEquals(ZapAlert.identityPath("http://shop.example/Search"), ZapAlert.identityPath("http://shop.example/search"));
    }

    @Test
    void identityIgnoresSchemeHostAndPort() {
        assertEquals("/", ZapAlert.identityPath("http://127.0.0.1:18081"));
        assertEquals("/", ZapAlert.identityPath("https://shop.example/"));
        assertEquals("/item?id", ZapAlert.identityPath("http://127.0.0.1:18081/item?id=1"));
        assertEquals("/item?id", ZapAlert.identityPath("https://staging.shop.example:8443/item?id=%3B"));
        // not a valid URI (ZAP keeps what was sent): cut by hand, to the same result
        assertEquals("/a b/c?x&y", ZapAlert.identityPath("http://shop.example:81/a b/c?y=2&x=|1|#f"));
        assertEquals("/a b/c?x&y", ZapAlert.identityPath("https://other:8443/a b/c?x=[]&y"));
    }

    @Test
    void theSameScanOfAnotherHostPortOrSchemeKeepsEveryIdentity() throws ReportParseException {
        for (String name : List.of("zap-2.17.0-traditional.xml", "zap-2.17.0-traditional.json",
                "zap-2.17.0-traditional-plus.json")) {
            String report = new String(bytes(name), StandardCharsets.UTF_8);
            assertTrue(report.contains("http://127.0.0.1:18081"), name);
            String moved = report.replace("http://127.0.0.1:18081", "https://staging.shop.example:8443")
                    .replace("127.0.0.1", "staging.shop.example").replace("18081", "8443");
            List<ReportedFinding> here = parse(plugin, ReportSource.of(name, report.getBytes(StandardCharsets.UTF_8)));
            List<ReportedFinding> there = parse(plugin, ReportSource.of(name, moved.getBytes(StandardCharsets.UTF_8)));
            assertEquals(14, there.size());
            assertTrue(there.stream().allMatch(f -> ((Location.Url) f.location()).url().startsWith("https://staging.")), name);
            assertEquals(here.stream().map(ReportedFinding::fingerprint).toList(),
                    there.stream().map(ReportedFinding::fingerprint).toList(), name);
            assertTrue(here.stream().allMatch(f -> f.fingerprint().scheme().equals("zap:v2")));
        }
    }

    @Test
    void instancesOfOneAlertOnOtherPathsOrParametersAreOtherFindings() throws ReportParseException {
        List<ReportedFinding> findings = parse(plugin, fixture("zap-2.17.0-traditional.xml"));
        assertEquals(findings.size(), findings.stream().map(ReportedFinding::fingerprint).distinct().count(),
                "14 instances, 14 identities");
    }

    @Test
    void eachInstanceCarriesPluginRiskConfidenceWascAttackEvidenceAndOtherInfo() throws ReportParseException {
        List<ReportedFinding> findings = parse(plugin, fixture("zap-2.17.0-traditional.xml"));
        ReportedFinding sqli = findings.stream().filter(f -> f.ruleId().equals("40018")).findFirst().orElseThrow();
        assertEquals(List.of("plugin-id", "risk", "confidence", "wasc", "attack", "evidence", "other-info"),
                List.copyOf(sqli.details().keySet()));
        assertEquals("40018", sqli.details().get("plugin-id"));
        assertEquals("High", sqli.details().get("risk"));
        assertEquals("Medium", sqli.details().get("confidence"));
        assertEquals("19", sqli.details().get("wasc"));
        assertEquals(";", sqli.details().get("attack"));
        assertEquals("near \";\": syntax error", sqli.details().get("evidence"));
        assertTrue(sqli.details().get("other-info").startsWith("RDBMS [SQLite] likely"), sqli.details().get("other-info"));
        ReportedFinding csp = findings.stream().filter(f -> f.ruleId().equals("10038")).findFirst().orElseThrow();
        assertEquals("10038-1", csp.details().get("alert-ref"), "a variant of the plugin's alert");
        assertEquals("High", csp.details().get("confidence"));
        assertEquals("Medium", csp.details().get("risk"));
        ReportedFinding xss = findings.stream().filter(f -> f.ruleId().equals("40012")).findFirst().orElseThrow();
        assertEquals("8", xss.details().get("wasc"));
        assertEquals("</p><scrIpt>alert(1);</scRipt><p>", xss.details().get("attack"));
        assertEquals(xss.details().get("attack"), xss.details().get("evidence"));
        assertTrue(!xss.details().containsKey("other-info"), "ZAP wrote an empty one");
    }

    @Test
    void xmlJsonAndJsonPlusGiveTheSameDetailsForTheSameInstance() throws ReportParseException {
        Map<Object, Map<String, String>> xml = detailsByInstance(parse(plugin, fixture("zap-2.17.0-traditional.xml")));
        assertEquals(14, xml.size());
        assertEquals(xml, detailsByInstance(parse(plugin, fixture("zap-2.17.0-traditional.json"))));
        assertEquals(xml, detailsByInstance(parse(plugin, fixture("zap-2.17.0-traditional-plus.json"))));
    }

    @Test
    void olderReportsGiveConfidenceFromTheirRiskDescription() throws ReportParseException {
        // ZAP 2.9 and 2.10 write no confidencedesc and other info only per alert
        for (String name : List.of("0_zap_sample.xml", "zap-results-first-scan.xml")) {
            List<ReportedFinding> findings = parse(plugin, fixture(name));
            assertTrue(findings.stream().allMatch(f -> List.of("Low", "Medium", "High", "Confirmed", "False Positive")
                    .contains(f.details().get("confidence"))), name);
            assertTrue(findings.stream().allMatch(f -> List.of("Informational", "Low", "Medium", "High")
                    .contains(f.details().get("risk"))), name);
            assertTrue(findings.stream().anyMatch(f -> f.details().containsKey("wasc")), name);
        }
        assertTrue(parse(plugin, fixture("zap-results-first-scan.xml")).stream().anyMatch(f -> f.details().containsKey("other-info")));
    }

    private static Map<Object, Map<String, String>> detailsByInstance(List<ReportedFinding> findings) {
        Map<Object, Map<String, String>> details = new java.util.HashMap<>();
        for (ReportedFinding finding : findings) {
            Location.Url where = (Location.Url) finding.location();
            assertEquals(null, details.put(List.of(finding.fingerprint(), where.url()), finding.details()), "one instance once");
        }
        return details;
    }

    private static byte[] bytes(String fixture) {
        try (InputStream in = ZapPluginTest.class.getResourceAsStream("/fixtures/" + fixture)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
