package org.gatehouse.scanner.gitleaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.gatehouse.scanner.api.AnalysisKind;
import org.gatehouse.scanner.api.Location;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.ScannerPlugin;
import org.gatehouse.scanner.api.Severity;
import org.gatehouse.scanner.testkit.HostileInputs;
import org.gatehouse.scanner.testkit.ScannerPluginContractTest;
import org.junit.jupiter.api.Test;

/** The contract over real Gitleaks 8 output (C.2), and what a secret leaves behind in Gatehouse: nothing. */
class GitleaksPluginTest extends ScannerPluginContractTest {
    private final GitleaksPlugin plugin = new GitleaksPlugin();

    @Override
    protected ScannerPlugin plugin() {
        return plugin;
    }

    @Override
    protected ReportSource noFindings() {
        return fixture("no_findings.json");
    }

    @Override
    protected ReportSource oneFinding() {
        return fixture("one_leak_edited.json");
    }

    @Override
    protected Map<ReportSource, Integer> manyFindings() {
        Map<ReportSource, Integer> many = new LinkedHashMap<>();
        many.put(fixture("gitleaks8_many.json"), 4);
        many.put(ReportSource.of("empty-array.json", "[ ]".getBytes(StandardCharsets.UTF_8)), 0);
        return many;
    }

    @Override
    protected List<ReportSource> hostile() {
        return HostileInputs.json();
    }

    @Test
    void aLeakIsAHighHardCodedCredentialAtItsFileAndLines() throws ReportParseException {
        ReportedFinding key = parse(plugin, fixture("one_leak_edited.json")).get(0);
        assertEquals(AnalysisKind.SECRETS, plugin.descriptor().kind());
        assertEquals("RSA-PK", key.ruleId());
        assertEquals("RSA private key secret in source", key.title());
        assertEquals(Severity.HIGH, key.severity());
        assertEquals(Optional.of(798), key.cwe());
        assertEquals(new Location.Code("conf/rsa.pk", OptionalInt.of(57), OptionalInt.of(57), Optional.empty()),
                key.location());
    }

    @Test
    void theSecretTheMatchAndTheAuthorAreNeverKept() throws ReportParseException {
        for (ReportedFinding leak : parse(plugin, fixture("gitleaks8_many.json"))) {
            String kept = String.join("\n", leak.tool(), leak.toolVersion(), leak.ruleId(), leak.title(),
                    leak.description(), leak.location().toString(), leak.fingerprint().value());
            for (String secret : List.of("secretAWSsecret", "BEGIN RSA PRIVATE KEY", "first.last@gmail.com",
                    "Firstname Lastname", "Lorem ipsum")) {
                assertFalse(kept.contains(secret), () -> secret + " kept in " + kept);
            }
        }
    }

    @Test
    void oneLeakInSeveralCommitsOrUnderAnotherPrefixIsOneFinding() throws ReportParseException {
        List<ReportedFinding> leaks = parse(plugin, fixture("gitleaks8_many.json"));
        assertEquals(leaks.get(0).fingerprint(), leaks.get(1).fingerprint(), "the AWS key of two commits");
        assertNotEquals(leaks.get(0).fingerprint(), leaks.get(2).fingerprint());
        String moved = "[{\"RuleID\":\"aws-access-token\",\"File\":\"./conf/aws.tf\",\"StartLine\":40,\"Secret\":\"other\"}]";
        ReportedFinding shifted = parse(plugin, ReportSource.of("moved.json", moved.getBytes(StandardCharsets.UTF_8))).get(0);
        assertEquals(leaks.get(0).fingerprint(), shifted.fingerprint(), "another line and a ./ prefix");
        assertTrue(leaks.get(0).description().contains("commit 74d53286c550"), leaks.get(0)::description);
    }

    @Test
    void otherShapesAreRefusedWithAPosition() {
        ReportParseException gitleaks7 = assertThrows(ReportParseException.class, () -> parse(plugin, ReportSource.of(
                "gitleaks7.json", "[\n {\"line\": \"x\", \"offender\": \"y\", \"rule\": \"AWS\"}\n]".getBytes(
                        StandardCharsets.UTF_8))));
        assertTrue(gitleaks7.getMessage().contains("RuleID and File are required"), gitleaks7::getMessage);
        assertEquals(2, gitleaks7.position().orElseThrow().line());
        assertThrows(ReportParseException.class, () -> parse(plugin, ReportSource.of("object.json",
                "{\"runs\":[]}".getBytes(StandardCharsets.UTF_8))));
        assertThrows(ReportParseException.class, () -> parse(plugin, ReportSource.of("trailing.json",
                "[] []".getBytes(StandardCharsets.UTF_8))));
        assertThrows(ReportParseException.class, () -> parse(plugin, ReportSource.of("numbers.json",
                "[1, 2]".getBytes(StandardCharsets.UTF_8))));
    }
}
