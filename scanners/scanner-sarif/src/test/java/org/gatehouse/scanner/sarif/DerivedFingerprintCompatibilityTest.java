package org.gatehouse.scanner.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import org.gatehouse.scanner.api.Location;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ReportedFinding;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code derived:v1} keeps its meaning (ADR 0006 amendment of 2026-12-03): over every SARIF fixture
 * of {@code shared/fixtures/sarif} (copied beside this test), the fingerprints the code gives today
 * equal those the code before the {@code originalUriBaseIds} change gave, for every result but those
 * whose derived fingerprint came from an absolute path without {@code src/} — which that code cut to
 * the bare file name, so that different files of one name collided; those now keep their directories.
 * The old values are in {@code derived-v1-fingerprints.properties}.
 */
class DerivedFingerprintCompatibilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    List<DynamicTest> fingerprintsOfTheFixturesAreThoseOfTheOldCodeWhereItsPathRuleApplied() throws IOException {
        Properties golden = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/derived-v1-fingerprints.properties")) {
            golden.load(in);
        }
        assertEquals(9, golden.size(), "every fixture of shared/fixtures/sarif");
        List<DynamicTest> tests = new ArrayList<>();
        for (String fixture : golden.stringPropertyNames()) {
            tests.add(DynamicTest.dynamicTest(fixture, () -> {
                byte[] log = bytes(fixture);
                List<ReportedFinding> findings = new ArrayList<>();
                new SarifPlugin().parse(ReportSource.of(fixture, log), findings::add);
                JsonNode tree = JSON.readTree(log);
                assertTrue(tree.path("runs").size() <= 1, "one run: findings come in the order of the results");
                List<String> kept = new ArrayList<>();
                int index = 0;
                for (JsonNode result : tree.path("runs").path(0).path("results")) {
                    ReportedFinding finding = findings.get(index++);
                    if (!finding.fingerprint().scheme().startsWith("derived") || !cutToItsFileName(uri(result))) {
                        kept.add(finding.fingerprint().scheme() + ":" + finding.fingerprint().value());
                    } else {
                        String path = ((Location.Code) finding.location()).path();
                        assertNotEquals(path.substring(path.lastIndexOf('/') + 1), path, "keeps its directories");
                    }
                }
                assertEquals(findings.size(), index);
                kept.sort(null);
                assertEquals(golden.getProperty(fixture), kept.size() + " " + sha256(String.join("\n", kept)));
            }));
        }
        return tests;
    }

    /** What the old code cut to the bare file name: an absolute path (file URI, /…, C:/…) without /src/. */
    private static boolean cutToItsFileName(String uri) {
        if (uri == null) {
            return false;
        }
        String path = uri.startsWith("file:") ? URI.create(uri.replace(" ", "%20")).getPath() : uri;
        path = path.replace('\\', '/');
        return (path.startsWith("/") || path.matches("[A-Za-z]:/.*")) && !path.contains("/src/");
    }

    private static String uri(JsonNode result) {
        return result.path("locations").path(0).path("physicalLocation").path("artifactLocation").path("uri").asText(null);
    }

    private static byte[] bytes(String fixture) throws IOException {
        try (InputStream in = DerivedFingerprintCompatibilityTest.class.getResourceAsStream("/fixtures/" + fixture)) {
            return fixture.endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
        }
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
