package org.gatehouse.evidence.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command, run in-process with its exit codes. */
class VerifyCertificateTest {
    private static final TestPki PKI = new TestPki();
    @TempDir
    static Path dir;
    private static Path certificate;
    private static Path caPem;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void issue() throws IOException {
        certificate = Files.write(dir.resolve("cert.json"), SampleRelease.issue(PKI));
        caPem = Files.writeString(dir.resolve("ca.pem"), Certificates.pem(PKI.ca.certificate()));
    }

    private int run(String... args) {
        return VerifyCertificate.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aValidCertificateExitsZeroAndPrintsEveryCheck() {
        assertEquals(0, run(certificate.toString()));
        assertTrue(printed().contains("PASS  platform seal"), printed());
        assertTrue(printed().endsWith("verdict: VALID\n"), printed());
    }

    @Test
    void pinsTheCaByFileOrFingerprint() {
        assertEquals(0, run(certificate.toString(), "--ca", caPem.toString()));
        assertTrue(printed().contains("the pinned CA"), printed());
        String hex = Certificates.fingerprint(PKI.ca.certificate()).hex().toUpperCase();
        assertEquals(0, run(certificate.toString(), "--ca-sha256", hex));
        assertEquals(1, run(certificate.toString(), "--ca-sha256", "00".repeat(32)));
        assertTrue(printed().contains("FAIL  trust anchor"), printed());
    }

    @Test
    void aTamperedCertificateExitsOne() throws IOException {
        String text = Files.readString(certificate).replace("\"2.4.0\"", "\"2.4.1\"");
        Path tampered = Files.writeString(dir.resolve("tampered.json"), text);
        assertEquals(1, run(tampered.toString()));
        assertTrue(printed().contains("FAIL  platform seal"), printed());
        assertTrue(printed().endsWith("verdict: INVALID\n"), printed());
    }

    @Test
    void unreadableInputExitsTwo() throws IOException {
        assertEquals(2, run());
        assertEquals(2, run(dir.resolve("missing.json").toString()));
        assertEquals(2, run(Files.writeString(dir.resolve("junk.json"), "{not json").toString()));
        assertEquals(2, run(certificate.toString(), "--ca", dir.resolve("missing.pem").toString()));
        assertEquals(2, run(certificate.toString(), "--ca-sha256", "xyz"));
        assertEquals(2, run(certificate.toString(), "--trust-me", "x"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot read") || err.size() > 0);
    }
}
