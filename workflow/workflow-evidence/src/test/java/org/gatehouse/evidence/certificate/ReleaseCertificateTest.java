package org.gatehouse.evidence.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.StrictBase64;
import org.gatehouse.evidence.TestPki;
import org.gatehouse.evidence.certificate.VerificationReport.Check;
import org.gatehouse.evidence.certificate.VerificationReport.Verdict;
import org.gatehouse.evidence.json.CanonicalJson;
import org.gatehouse.evidence.keys.SigningIdentity;
import org.gatehouse.evidence.keys.SigningKeyAlgorithm;
import org.junit.jupiter.api.Test;

class ReleaseCertificateTest {
    private static final TestPki PKI = new TestPki();
    private static final byte[] DOCUMENT = SampleRelease.issue(PKI);

    private static VerificationReport verify(byte[] document) {
        return CertificateVerifier.verify(document, Optional.empty());
    }

    private static ObjectNode tree() {
        return (ObjectNode) CanonicalJson.parse(DOCUMENT);
    }

    /** Re-seals a changed tree with a key of the caller's choice (an attacker holding some key). */
    private static byte[] resealed(ObjectNode root, SigningIdentity sealer) {
        root.remove("seal");
        root.put("seal", StrictBase64.encode(sealer.sign(CanonicalJson.write(root))));
        return CanonicalJson.write(root);
    }

    @Test
    void anIssuedCertificateVerifiesWithEveryCheckListed() {
        VerificationReport report = verify(DOCUMENT);
        assertEquals(Verdict.VALID, report.verdict(), report.render());
        List<String> names = report.checks().stream().map(Check::name).toList();
        assertEquals(List.of("structure", "canonical form", "trust anchor", "decision 1 time-stamp", "decision 1 signature",
                "decision 2 time-stamp", "decision 2 signature", "waivers", "platform seal"), names);
        assertTrue(report.render().contains("ES256 by alice: approve phase:AUDIT->RELEASED"), report.render());
        assertTrue(report.render().contains("Ed25519 by bob"), report.render());
        assertTrue(report.render().contains("not pinned"), report.render());
    }

    @Test
    void theDocumentHasTheAgreedShape() {
        JsonNode root = tree();
        assertEquals("gatehouse-release-certificate/1", root.get("format").textValue());
        assertEquals(3, root.at("/release/protectionLevel").intValue());
        assertEquals("level-3", root.at("/release/definition/id").textValue());
        assertEquals("waived", root.at("/gates/1/outcome").textValue());
        assertEquals("gatehouse-decision/1", root.at("/decisions/0/statement/type").textValue());
        assertEquals("alice", root.at("/decisions/0/statement/signer").textValue());
        assertEquals("ES256", root.at("/decisions/0/signature/algorithm").textValue());
        assertEquals(1, root.at("/authority/timeStampAuthorities").size());
        assertEquals("2026-06-01T10:00:01.123Z", root.get("releasedAt").textValue());
        assertTrue(CanonicalJson.isCanonical(DOCUMENT));
    }

    @Test
    void pinningTheRightCaPassesAndAnotherCaFails() {
        assertTrue(CertificateVerifier.verify(DOCUMENT, Optional.of(TrustPin.of(PKI.ca.certificate()))).isValid());
        assertTrue(CertificateVerifier.verify(DOCUMENT,
                Optional.of(TrustPin.ofFingerprint(Certificates.fingerprint(PKI.ca.certificate())))).isValid());
        TestPki other = new TestPki();
        VerificationReport report = CertificateVerifier.verify(DOCUMENT, Optional.of(TrustPin.of(other.ca.certificate())));
        assertEquals(Verdict.INVALID, report.verdict());
        assertTrue(report.render().contains("is not the pinned CA"), report.render());
    }

    @Test
    void aWholeForgeryUnderAnotherCaPassesOnlyWithoutAPin() {
        TestPki forger = new TestPki();
        byte[] forged = SampleRelease.issue(forger);
        assertTrue(verify(forged).isValid(), "self-consistent: that is all an unpinned check proves");
        assertFalse(CertificateVerifier.verify(forged, Optional.of(TrustPin.of(PKI.ca.certificate()))).isValid());
    }

    @Test
    void changingAFieldAndResealingWithAUserKeyFails() {
        ObjectNode root = tree();
        ((ObjectNode) root.get("release")).put("version", "2.4.1");
        VerificationReport report = verify(resealed(root, PKI.alice));
        assertEquals(Verdict.INVALID, report.verdict());
        assertFalse(check(report, "platform seal").passed(), report.render());
    }

    @Test
    void aDecisionMovedFromAnotherReleaseFails() {
        SignedDecision foreign = SignedDecision.sign(SignedDecision.statement("another-release", "phase:AUDIT->RELEASED",
                "approve", "alice", TestPki.NOW, Optional.empty()), PKI.alice, PKI.tsa);
        CertificateNotIssued refused = assertThrows(CertificateNotIssued.class,
                () -> SampleRelease.builder(PKI).decision(foreign).seal(PKI.platform, PKI.ca.certificate()));
        assertTrue(refused.getMessage().contains("another release"), refused.getMessage());
    }

    @Test
    void aStatementClaimingAnotherSignerFails() {
        SignedDecision lying = SignedDecision.sign(SignedDecision.statement(SampleRelease.RELEASE_ID, "gate",
                "approve", "carol", TestPki.NOW, Optional.empty()), PKI.alice, PKI.tsa);
        assertThrows(CertificateNotIssued.class,
                () -> SampleRelease.builder(PKI).decision(lying).seal(PKI.platform, PKI.ca.certificate()));
    }

    @Test
    void aSignerWhoseCertificateHadExpiredAtTheTimeStampFails() {
        SigningIdentity shortLived = PKI.ca.enrol("dave", SigningKeyAlgorithm.ECDSA_P256, Duration.ofMinutes(1));
        // a TSA of the same CA whose clock is an hour later than the certificate's one-minute validity
        var tsaLater = org.gatehouse.evidence.timestamp.TimeStampAuthority.of(
                PKI.ca.issueTimeStampingKey("Gatehouse TSA", Duration.ofDays(30)),
                java.time.Clock.fixed(TestPki.NOW.plus(Duration.ofHours(1)), java.time.ZoneOffset.UTC));
        SignedDecision late = SignedDecision.sign(SignedDecision.statement(SampleRelease.RELEASE_ID, "gate", "approve",
                "dave", TestPki.NOW, Optional.empty()), shortLived, tsaLater);
        CertificateNotIssued refused = assertThrows(CertificateNotIssued.class, () -> ReleaseCertificate
                .builder(SampleRelease.facts(), TestPki.NOW.plus(Duration.ofHours(1))).decision(late)
                .seal(PKI.platform, PKI.ca.certificate()));
        assertFalse(check(refused.report(), "decision 1 signature").passed());
    }

    @Test
    void aWaivedGateWithoutAWaiverInForceFails() {
        CertificateNotIssued refused = assertThrows(CertificateNotIssued.class, () -> ReleaseCertificate
                .builder(SampleRelease.facts(), SampleRelease.RELEASED_AT)
                .gate(new GateResult("g", GateResult.Outcome.WAIVED, List.of()))
                .waiver(new Waiver("g", "sec", "why", SampleRelease.RELEASED_AT.minusSeconds(1)))
                .seal(PKI.platform, PKI.ca.certificate()));
        assertFalse(check(refused.report(), "waivers").passed());
    }

    @Test
    void onlyThePlatformKeySeals() {
        assertThrows(CertificateNotIssued.class,
                () -> SampleRelease.builder(PKI).seal(PKI.alice, PKI.ca.certificate()));
    }

    @Test
    void unknownOrMissingMembersAndPrettyPrintingAreRefused() {
        ObjectNode extra = tree();
        extra.put("note", "added");
        assertEquals(Verdict.MALFORMED, verify(CanonicalJson.write(extra)).verdict());
        ObjectNode missing = tree();
        ((ObjectNode) missing.get("artifacts").get(0)).remove("sha256");
        assertEquals(Verdict.MALFORMED, verify(CanonicalJson.write(missing)).verdict());
        byte[] pretty = tree().toPrettyString().getBytes(StandardCharsets.UTF_8);
        VerificationReport report = verify(pretty);
        assertEquals(Verdict.INVALID, report.verdict());
        assertFalse(check(report, "canonical form").passed());
        assertEquals(Verdict.MALFORMED, verify("not json".getBytes(StandardCharsets.UTF_8)).verdict());
        assertEquals(Verdict.MALFORMED, verify(new byte[0]).verdict());
    }

    @Test
    void flippingAnyByteNeverPasses() {
        // every position in the first and last 600 bytes, then every 7th: structure, release facts,
        // artifacts, gates, waivers, documents, statements, signatures, certificates, tokens, seal
        int failures = 0;
        int tried = 0;
        for (int i = 0; i < DOCUMENT.length; i++) {
            if (i >= 600 && i < DOCUMENT.length - 600 && i % 7 != 0) {
                continue;
            }
            for (int bit : new int[] {0x01, 0x20}) {
                byte[] tampered = DOCUMENT.clone();
                tampered[i] ^= (byte) bit;
                VerificationReport report = verify(tampered);
                tried++;
                if (report.isValid()) {
                    failures++;
                    System.err.println("passed after flipping byte " + i + " with " + bit);
                }
            }
        }
        assertEquals(0, failures, "of " + tried + " tampered documents");
        assertTrue(tried > 1000);
    }

    @Test
    void flippingOneByteInsideEachKindOfFieldNeverPasses() {
        String text = new String(DOCUMENT, StandardCharsets.UTF_8);
        for (String marker : List.of("\"SHOP\"", "\"2.4.0\"", "\"level-3\"", "\"protectionLevel\":3", "\"releasedAt\":\"",
                "\"shop-2.4.0.war\"", Sha256.of("war".getBytes(StandardCharsets.UTF_8)).hex(), "\"waived\"",
                "1 high finding", "sec-admin", "SEC-17", "\"expires\":\"", "threat-model", "\"internal\"",
                "\"approve\"", "\"alice\"", "\"bob\"", "checked: ", "\"ES256\"", "\"Ed25519\"", "\"value\":\"",
                "\"signerCertificate\":\"", "\"timeStamp\":\"", "\"ca\":\"", "\"platform\":\"",
                "\"timeStampAuthorities\":[\"", "\"sealAlgorithm\":\"", "\"seal\":\"")) {
            int at = text.indexOf(marker);
            assertTrue(at >= 0, marker);
            int position = text.substring(0, at + marker.length() - 1).getBytes(StandardCharsets.UTF_8).length;
            for (int offset = 0; offset < 3; offset++) {
                byte[] tampered = DOCUMENT.clone();
                tampered[position + offset] ^= 0x01;
                assertFalse(verify(tampered).isValid(), marker + " +" + offset);
            }
        }
    }

    @Test
    void theLastCharacterOfTheSealCannotBeRespelled() {
        String text = new String(DOCUMENT, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('"');
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=".toCharArray()) {
            for (int back = 1; back <= 3; back++) {
                char[] chars = text.toCharArray();
                if (chars[end - back] == c) {
                    continue;
                }
                chars[end - back] = c;
                assertFalse(verify(new String(chars).getBytes(StandardCharsets.UTF_8)).isValid());
            }
        }
    }

    @Test
    void theReportDoesNotPassControlCharactersToTheTerminal() {
        byte[] document = ReleaseCertificate.builder(SampleRelease.facts(), SampleRelease.RELEASED_AT)
                .decision(SampleRelease.decision(PKI, PKI.alice, "gate\u001b[2J\u202e", "approve\r\nverdict: VALID"))
                .seal(PKI.platform, PKI.ca.certificate());
        String rendered = verify(document).render();
        assertFalse(rendered.contains("\u001b") || rendered.contains("\u202e") || rendered.contains("\r"), rendered);
        assertEquals(1, rendered.lines().filter(line -> line.startsWith("verdict:")).count());
    }

    private static Check check(VerificationReport report, String name) {
        return report.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
