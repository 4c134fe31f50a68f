package org.gatehouse.evidence.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.ExternalTsa;
import org.gatehouse.evidence.StrictBase64;
import org.gatehouse.evidence.TestPki;
import org.gatehouse.evidence.certificate.VerificationReport.Check;
import org.gatehouse.evidence.certificate.VerificationReport.Verdict;
import org.gatehouse.evidence.json.CanonicalJson;
import org.gatehouse.evidence.keys.SigningIdentity;
import org.gatehouse.evidence.timestamp.TimeStamper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release certificate whose decisions were time-stamped partly by the own TSA (before the switch)
 * and partly by an external TSA with its own root (format 2, ADR 0009).
 */
class ExternalTsaCertificateTest {
    private static final TestPki PKI = new TestPki();
    private static final ExternalTsa EXTERNAL = new ExternalTsa("Example Time Root");
    private static final byte[] DOCUMENT = issue(PKI, EXTERNAL);
    private static final Optional<TrustPin> CA = Optional.of(TrustPin.of(PKI.ca.certificate()));
    private static final TimeStampPins PINNED = TimeStampPins.ofRoots(List.of(EXTERNAL.rootCertificate()));

    @AfterAll
    static void stop() {
        EXTERNAL.close();
    }

    private static SignedDecision decision(TestPki pki, SigningIdentity signer, TimeStamper stamper) {
        return SignedDecision.sign(SignedDecision.statement(SampleRelease.RELEASE_ID, "phase:AUDIT->RELEASED", "approve",
                signer.name(), TestPki.NOW, Optional.empty()), signer, stamper);
    }

    /** alice's decision by the own TSA, bob's by the external one. */
    private static byte[] issue(TestPki pki, ExternalTsa external) {
        return ReleaseCertificate.builder(SampleRelease.facts(), SampleRelease.RELEASED_AT)
                .decision(decision(pki, pki.alice, pki.tsa))
                .decision(decision(pki, pki.bob, external.client()))
                .seal(pki.platform, pki.ca.certificate(), List.of(external.rootCertificate()));
    }

    private static ObjectNode tree() {
        return (ObjectNode) CanonicalJson.parse(DOCUMENT);
    }

    private static Check check(VerificationReport report, String name) {
        return report.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void carriesTheExternalRootInFormatTwo() {
        ObjectNode root = tree();
        assertEquals("gatehouse-release-certificate/2", root.get("format").textValue());
        assertEquals(List.of(StrictBase64.encode(Certificates.der(EXTERNAL.rootCertificate()))),
                List.of(root.at("/authority/timeStampRoots/0").textValue()));
        assertEquals(1, root.at("/authority/timeStampRoots").size());
        assertEquals(2, root.at("/authority/timeStampAuthorities").size());
    }

    @Test
    void withTheRootPinnedTheTimeEvidenceIsIndependent() {
        VerificationReport report = CertificateVerifier.verify(DOCUMENT, CA, PINNED);
        assertEquals(Verdict.VALID, report.verdict(), report.render());
        assertTrue(check(report, "decision 1 time-stamp").detail().contains("own TSA"), report.render());
        assertTrue(check(report, "decision 2 time-stamp").detail().contains("independent time evidence"), report.render());
        assertTrue(check(report, "time-stamp roots").detail().contains("pinned"), report.render());
    }

    @Test
    void withoutAPinTheRootIsReportedNotSilentlyTrusted() {
        VerificationReport report = CertificateVerifier.verify(DOCUMENT, CA);
        assertEquals(Verdict.VALID, report.verdict(), report.render());
        assertTrue(check(report, "decision 2 time-stamp").detail().contains("not independently trusted"), report.render());
        assertTrue(check(report, "time-stamp roots").detail().contains("not pinned"), report.render());
        assertTrue(check(report, "decision 2 signature").passed());
    }

    @Test
    void anotherPinnedRootFailsTheExternalTokensOnly() {
        try (ExternalTsa other = new ExternalTsa("Other Time Root")) {
            VerificationReport report = CertificateVerifier.verify(DOCUMENT, CA,
                    TimeStampPins.ofRoots(List.of(other.rootCertificate())));
            assertEquals(Verdict.INVALID, report.verdict());
            assertFalse(check(report, "time-stamp roots").passed());
            assertTrue(check(report, "decision 1 time-stamp").passed(), report.render());
            assertFalse(check(report, "decision 2 time-stamp").passed(), report.render());
            // the server pins exactly the configured roots: none configured means no external TSA is trusted
            assertFalse(CertificateVerifier.verify(DOCUMENT, CA, TimeStampPins.only(List.of())).isValid());
        }
    }

    @Test
    void aPlatformThatSwapsInAForgedTsaRootPassesOnlyUnpinned() {
        // whoever holds the platform key can time-stamp with a TSA of their own making
        try (ExternalTsa forged = new ExternalTsa("Example Time Root")) {
            byte[] document = issue(PKI, forged);
            assertTrue(CertificateVerifier.verify(document, CA).isValid());
            VerificationReport pinned = CertificateVerifier.verify(document, CA, PINNED);
            assertEquals(Verdict.INVALID, pinned.verdict());
            assertTrue(pinned.render().contains("is not one of the pinned TSA roots"), pinned.render());
        }
    }

    @Test
    void anExternalTokenWithoutAConfiguredRootIsNotIssued() {
        CertificateNotIssued refused = assertThrows(CertificateNotIssued.class, () -> ReleaseCertificate
                .builder(SampleRelease.facts(), SampleRelease.RELEASED_AT)
                .decision(decision(PKI, PKI.bob, EXTERNAL.client()))
                .seal(PKI.platform, PKI.ca.certificate()));
        assertFalse(check(refused.report(), "decision 1 time-stamp").passed());
    }

    @Test
    void aCertificateWithoutExternalTokensStaysFormatOne() {
        byte[] document = ReleaseCertificate.builder(SampleRelease.facts(), SampleRelease.RELEASED_AT)
                .decision(decision(PKI, PKI.alice, PKI.tsa))
                .seal(PKI.platform, PKI.ca.certificate(), List.of(EXTERNAL.rootCertificate()));
        assertEquals("gatehouse-release-certificate/1", CanonicalJson.parse(document).get("format").textValue());
        assertTrue(CertificateVerifier.verify(document, CA, PINNED).isValid());
    }

    @Test
    void theRootsMemberBelongsToFormatTwoOnly() {
        ObjectNode one = tree();
        one.put("format", "gatehouse-release-certificate/1");
        assertEquals(Verdict.MALFORMED, CertificateVerifier.verify(CanonicalJson.write(one), CA).verdict());
        ObjectNode missing = tree();
        ((ObjectNode) missing.get("authority")).remove("timeStampRoots");
        assertEquals(Verdict.MALFORMED, CertificateVerifier.verify(CanonicalJson.write(missing), CA).verdict());
        ObjectNode empty = tree();
        ((ObjectNode) empty.get("authority")).putArray("timeStampRoots");
        assertEquals(Verdict.MALFORMED, CertificateVerifier.verify(CanonicalJson.write(empty), CA).verdict());
        ObjectNode notCa = tree();
        ((ArrayNode) notCa.at("/authority/timeStampRoots")).set(0, StrictBase64.encode(Certificates.der(PKI.alice.certificate())));
        assertFalse(CertificateVerifier.verify(CanonicalJson.write(notCa), CA).isValid());
        ObjectNode three = tree();
        three.put("format", "gatehouse-release-certificate/3");
        assertEquals(Verdict.MALFORMED, CertificateVerifier.verify(CanonicalJson.write(three), CA).verdict());
    }

    @Test
    void flippingBytesOfTheNewMembersNeverPasses() {
        String text = new String(DOCUMENT, StandardCharsets.UTF_8);
        int failures = 0;
        int tried = 0;
        for (String marker : List.of("\"format\":\"", "\"timeStampRoots\":[\"", "\"timeStampAuthorities\":[\"")) {
            int start = text.indexOf(marker);
            assertTrue(start >= 0, marker);
            int end = text.indexOf('"', start + marker.length());
            for (int i = start; i < end; i += (i < start + marker.length() + 40 ? 1 : 13)) {
                byte[] tampered = DOCUMENT.clone();
                tampered[i] ^= 0x01;
                tried++;
                for (TimeStampPins pins : List.of(TimeStampPins.unpinned(), PINNED)) {
                    if (CertificateVerifier.verify(tampered, CA, pins).isValid()) {
                        failures++;
                        System.err.println("passed after flipping byte " + i);
                    }
                }
            }
        }
        assertEquals(0, failures, "of " + tried + " tampered documents");
        assertTrue(tried > 100, "tried " + tried);
    }

    @Test
    void theCommandPinsTsaRootsByFingerprint(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("cert.json"), DOCUMENT);
        String ca = Certificates.fingerprint(PKI.ca.certificate()).hex();
        String tsa = Certificates.fingerprint(EXTERNAL.rootCertificate()).hex();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, VerifyCertificate.run(new String[] {file.toString(), "--ca-sha256", ca, "--tsa-sha256", tsa},
                print, print));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("independent time evidence"), out.toString(StandardCharsets.UTF_8));
        assertEquals(0, VerifyCertificate.run(new String[] {file.toString(), "--tsa-sha256", tsa, "--ca-sha256", ca},
                print, print));
        assertEquals(1, VerifyCertificate.run(new String[] {file.toString(), "--ca-sha256", ca, "--tsa-sha256",
                "00".repeat(32)}, print, print));
        assertEquals(2, VerifyCertificate.run(new String[] {file.toString(), "--ca-sha256", ca, "--ca-sha256", ca},
                print, print));
        assertEquals(2, VerifyCertificate.run(new String[] {file.toString(), "--tsa-sha256"}, print, print));
    }
}
