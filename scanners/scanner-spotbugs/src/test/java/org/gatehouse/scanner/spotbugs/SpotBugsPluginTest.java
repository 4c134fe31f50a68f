package org.gatehouse.scanner.spotbugs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.gatehouse.scanner.api.Location;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.ScannerPlugin;
import org.gatehouse.scanner.api.Severity;
import org.gatehouse.scanner.testkit.HostileInputs;
import org.gatehouse.scanner.testkit.ScannerPluginContractTest;
import org.junit.jupiter.api.Test;

/** The contract over real SpotBugs/FSB XML, plus what the format needs. */
class SpotBugsPluginTest extends ScannerPluginContractTest {
    private final SpotBugsPlugin plugin = new SpotBugsPlugin();


    @Override
    protected ScannerPlugin plugin() {
        return plugin;
    }

    @Override
    protected ReportSource noFindings() {
        return fixture("no_finding.xml");
    }

    @Override
    protected ReportSource oneFinding() {
        return fixture("one_finding_edited.xml");
    }

    @Override
    protected Map<ReportSource, Integer> manyFindings() {
        Map<ReportSource, Integer> many = new LinkedHashMap<>();
        many.put(fixture("version_4.4.0.xml"), 56);
        many.put(fixture("fsb-1.14.0-owasp-benchmark.xml.gz"), 8_233);
        return many;
    }

    @Override
    protected List<ReportSource> hostile() {
        return HostileInputs.xml();
    }

    @Test
    void readsTypeCweClassMethodAndSourceLines() throws ReportParseException {
        List<ReportedFinding> fsb = parse(plugin, fixture("fsb-1.14.0-owasp-benchmark.xml.gz"));
        List<ReportedFinding> sqli = fsb.stream().filter(f -> f.ruleId().equals("SQL_INJECTION_JDBC")).toList();
        assertTrue(sqli.size() > 50, "OWASP Benchmark has many JDBC injections: " + sqli.size());
        assertTrue(sqli.stream().allMatch(f -> f.cwe().equals(Optional.of(89))));
        ReportedFinding inTestCase = sqli.stream()
                .filter(f -> ((Location.Code) f.location()).path().startsWith("org/owasp/benchmark/testcode/BenchmarkTest"))
                .findFirst().orElseThrow();
        Location.Code where = (Location.Code) inTestCase.location();
        assertTrue(where.startLine().isPresent());
        assertTrue(where.logical().orElseThrow().contains(".doPost("), where.logical().orElseThrow());
        assertEquals(250, sqli.stream().filter(f -> f.severity() == Severity.HIGH).count(),
                "the 250 high-confidence JDBC injections are high");
    }

    @Test
    void lineShiftsKeepTheIdentity() throws ReportParseException {
        for (String name : List.of("one_finding_edited.xml", "version_4.4.0.xml")) {
            String report = new String(readFixture(name), StandardCharsets.UTF_8);
            String shifted = report.replaceAll("start=\"(\\d+)\"", "start=\"1$1\"").replaceAll("end=\"(\\d+)\"", "end=\"1$1\"");
            List<ReportedFinding> before = parse(plugin, ReportSource.of("a", report.getBytes(StandardCharsets.UTF_8)));
            List<ReportedFinding> after = parse(plugin, ReportSource.of("b", shifted.getBytes(StandardCharsets.UTF_8)));
            assertTrue(((Location.Code) before.get(0).location()).startLine().getAsInt()
                    != ((Location.Code) after.get(0).location()).startLine().getAsInt());
            assertEquals(before.stream().map(ReportedFinding::fingerprint).toList(),
                    after.stream().map(ReportedFinding::fingerprint).toList(), name);
            assertTrue(before.stream().allMatch(f -> f.fingerprint().scheme().equals("spotbugs:v2")));
        }
    }

    @Test
    void instancesOfOneBugTypeInOneMethodShareTheirIdentity() throws ReportParseException {
        // HibernateUtil.initClassicData() has three hard-coded passwords (instanceOccurrenceNum 0, 1, 2) on lines 239-241
        List<ReportedFinding> passwords = parse(plugin, fixture("fsb-1.14.0-owasp-benchmark.xml.gz")).stream()
                .filter(f -> f.ruleId().equals("HARD_CODE_PASSWORD")
                        && ((Location.Code) f.location()).logical().orElseThrow().equals(
                                "org.owasp.benchmark.helpers.HibernateUtil.initClassicData()V"))
                .toList();
        assertEquals(3, passwords.size());
        assertEquals(3, passwords.stream().map(f -> ((Location.Code) f.location()).startLine().getAsInt()).distinct().count(),
                "three places");
        assertEquals(1, passwords.stream().map(ReportedFinding::fingerprint).distinct().count(),
                "one finding with three occurrences");
    }

    @Test
    void otherBugTypesMethodsOrClassesAreOtherFindings() throws ReportParseException {
        List<ReportedFinding> findings = parse(plugin, fixture("version_4.4.0.xml"));
        Map<Object, Long> keys = new java.util.HashMap<>();
        for (ReportedFinding f : findings) {
            keys.merge(List.of(f.ruleId(), ((Location.Code) f.location()).logical().orElse("")), 1L, Long::sum);
        }
        assertEquals(keys.size(), findings.stream().map(ReportedFinding::fingerprint).distinct().count());
    }

    @Test
    void categoryPriorityRankAndAbbreviationAreDetails() throws ReportParseException {
        ReportedFinding style = parse(plugin, fixture("one_finding_edited.xml")).get(0);
        assertEquals("DMI_HARDCODED_ABSOLUTE_FILENAME", style.ruleId());
        assertEquals(Map.of("category", "STYLE", "priority", "1", "rank", "15", "abbrev", "DMI"), style.details());
        assertEquals(List.of("category", "priority", "rank", "abbrev"), List.copyOf(style.details().keySet()));
        ReportedFinding password = parse(plugin, fixture("fsb-1.14.0-owasp-benchmark.xml.gz")).stream()
                .filter(f -> f.ruleId().equals("HARD_CODE_PASSWORD") && ((Location.Code) f.location()).logical().orElseThrow()
                        .equals("org.owasp.benchmark.helpers.HibernateUtil.initClassicData()V"))
                .findFirst().orElseThrow();
        assertEquals(Map.of("category", "SECURITY", "priority", "2", "rank", "12", "abbrev", "SECHCP"), password.details());
        assertEquals(Severity.MEDIUM, password.severity(), "security: from the priority");
    }

    @Test
    void securityFindingsTakeThePriorityOthersTheRank() {
        assertEquals(Severity.CRITICAL, SpotBugsPlugin.severity(false, OptionalInt.of(3), OptionalInt.of(3)));
        assertEquals(Severity.HIGH, SpotBugsPlugin.severity(false, OptionalInt.of(9), OptionalInt.of(3)));
        assertEquals(Severity.LOW, SpotBugsPlugin.severity(false, OptionalInt.of(15), OptionalInt.of(1)));
        assertEquals(Severity.HIGH, SpotBugsPlugin.severity(false, OptionalInt.empty(), OptionalInt.of(1)));
        assertEquals(Severity.HIGH, SpotBugsPlugin.severity(true, OptionalInt.of(10), OptionalInt.of(1)), "security: confidence");
        assertEquals(Severity.LOW, SpotBugsPlugin.severity(true, OptionalInt.of(15), OptionalInt.of(3)));
    }

    private static byte[] readFixture(String name) {
        try (InputStream in = SpotBugsPluginTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
