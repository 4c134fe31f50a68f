package org.gatehouse.scanner.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gatehouse.scanner.api.Fingerprint;
import org.gatehouse.scanner.api.Location;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ReportedFinding;
import org.junit.jupiter.api.Test;

/** Identities of SARIF results across checkouts: uri base ids, absolute paths, the tool's own fingerprints. */
class SarifIdentityTest {
    private final SarifPlugin plugin = new SarifPlugin();

    private List<ReportedFinding> parse(String log) throws ReportParseException {
        List<ReportedFinding> findings = new ArrayList<>();
        plugin.parse(ReportSource.of("log.sarif", log.getBytes(StandardCharsets.UTF_8)), findings::add);
        return findings;
    }

    private static String path(ReportedFinding finding) {
        return ((Location.Code) finding.location()).path();
    }

    /** A log with one result per location, each {@code [uri, uriBaseId or null]}, and the bases after the results. */
    private static String log(String bases, String[]... locations) {
        StringBuilder results = new StringBuilder();
        for (String[] location : locations) {
            results.append(results.length() == 0 ? "" : ",").append("""
                    {"ruleId":"R1","message":{"text":"tainted"},"locations":[{"physicalLocation":{"artifactLocation":
                     {"uri":"%s"%s},"region":{"startLine":7}}}]}""".formatted(location[0],
                    location[1] == null ? "" : ",\"uriBaseId\":\"" + location[1] + "\""));
        }
        return """
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t","rules":[{"id":"R1"}]}},
                 "results":[%s],
                 "originalUriBaseIds":%s}]}""".formatted(results, bases);
    }

    @Test
    void aUriRelativeToSrcrootIsRelativeToTheCheckout() throws ReportParseException {
        List<ReportedFinding> findings = parse(log("{\"%SRCROOT%\":{\"uri\":\"file:///home/ci/build-17/\"}}",
                new String[] {"src/main/java/shop/Dao.java", "%SRCROOT%"},
                new String[] {"file:///home/ci/build-17/src/main/java/shop/Dao.java", null},
                new String[] {"src/main/java/shop/Dao.java", null}));
        assertEquals(List.of("src/main/java/shop/Dao.java", "src/main/java/shop/Dao.java", "src/main/java/shop/Dao.java"),
                findings.stream().map(SarifIdentityTest::path).toList());
        assertEquals(1, findings.stream().map(ReportedFinding::fingerprint).distinct().count(), "one file, one identity");
        assertEquals("derived:v1", findings.get(0).fingerprint().scheme());
    }

    @Test
    void filesOfOneNameInDifferentAbsoluteDirectoriesWithoutSrcStayDistinct() throws ReportParseException {
        List<ReportedFinding> findings = parse(log("{}",
                new String[] {"file:///opt/build/billing/Util.java", null},
                new String[] {"file:///opt/build/shipping/Util.java", null},
                new String[] {"C:\\\\build\\\\billing\\\\Util.java", null}));
        assertEquals(List.of("/opt/build/billing/Util.java", "/opt/build/shipping/Util.java", "C:/build/billing/Util.java"),
                findings.stream().map(SarifIdentityTest::path).toList());
        assertEquals(3, findings.stream().map(ReportedFinding::fingerprint).distinct().count());
    }

    @Test
    void anotherCheckoutPrefixKeepsEveryIdentityThroughTheUriBaseIds() throws ReportParseException {
        List<List<Fingerprint>> identities = new ArrayList<>();
        for (String checkout : List.of("file:///home/ci/build-17/", "file:///C:/agent/_work/3/s/", "file:///var/lib/jenkins/ws/")) {
            String bases = """
                    {"REPO":{"uri":"%s"},"MAIN":{"uri":"billing/src/main/java/","uriBaseId":"REPO"},
                     "TESTS":{"uri":"billing/src/test/java/","uriBaseId":"REPO"},"OUT":{"uri":"%starget/"}}"""
                    .formatted(checkout, checkout);
            List<ReportedFinding> findings = parse(log(bases,
                    new String[] {"shop/Dao.java", "MAIN"},
                    new String[] {"shop/Dao.java", "TESTS"},
                    new String[] {checkout + "tools/gen.sh", null},
                    new String[] {"classes/shop/Dao.class", "OUT"},
                    new String[] {checkout + "target/classes/shop/Dao.class", null}));
            assertEquals(List.of("billing/src/main/java/shop/Dao.java", "billing/src/test/java/shop/Dao.java", "tools/gen.sh",
                    "classes/shop/Dao.class", "classes/shop/Dao.class"), findings.stream().map(SarifIdentityTest::path).toList(),
                    checkout);
            identities.add(findings.stream().map(ReportedFinding::fingerprint).toList());
        }
        assertEquals(identities.get(0), identities.get(1));
        assertEquals(identities.get(0), identities.get(2));
        assertNotEquals(identities.get(0).get(0), identities.get(0).get(1), "main and test sources are different files");
    }

    @Test
    void theAppendixKExampleIsRelativeToItsSourceRoot() throws ReportParseException, IOException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/appendix_k.sarif")) {
            ReportedFinding only = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).get(0);
            assertEquals("collections/list.h", path(only), "SRCROOT, itself relative to PROJECTROOT");
        }
    }

    @Test
    void theToolsOwnFingerprintsComeFirstThenItsPartialOnes() throws ReportParseException {
        String template = """
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[
                 {"ruleId":"R1","message":{"text":"m"},%s
                  "locations":[{"physicalLocation":{"artifactLocation":{"uri":"%s"},"region":{"startLine":%d}}}]}]}]}""";
        String both = "\"fingerprints\":{\"stable/v1\":\"abc\"},\"partialFingerprints\":{\"primaryLocationLineHash\":\"%s\"},";
        ReportedFinding first = parse(template.formatted(both.formatted("1111"), "src/a/A.java", 10)).get(0);
        ReportedFinding moved = parse(template.formatted(both.formatted("2222"), "src/b/B.java", 90)).get(0);
        assertEquals("sarif:fingerprints", first.fingerprint().scheme());
        assertEquals(first.fingerprint(), moved.fingerprint(), "the full fingerprint decides, whatever else changed");
        ReportedFinding partial = parse(template.formatted(
                "\"partialFingerprints\":{\"primaryLocationLineHash\":\"1111\"},", "src/a/A.java", 10)).get(0);
        assertEquals("sarif:partialFingerprints", partial.fingerprint().scheme());
        assertNotEquals(first.fingerprint(), partial.fingerprint());
        ReportedFinding otherPartial = parse(template.formatted(
                "\"partialFingerprints\":{\"primaryLocationLineHash\":\"2222\"},", "src/a/A.java", 10)).get(0);
        assertNotEquals(partial.fingerprint(), otherPartial.fingerprint());
        ReportedFinding derived = parse(template.formatted("\"fingerprints\":{},", "src/a/A.java", 10)).get(0);
        assertEquals("derived:v1", derived.fingerprint().scheme(), "an empty fingerprints object is none");
    }
}
