package org.gatehouse.evidence.timestamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.ExternalTsa;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** An external TSA with its own root beside the own TSA: more than one trust anchor (7.4.3). */
class ExternalTimeStampTest {
    private static final TestPki PKI = new TestPki();
    private static final ExternalTsa EXTERNAL = new ExternalTsa("Example Time Root");
    private static final Sha256 DATA = Sha256.of("signature value".getBytes(StandardCharsets.UTF_8));
    private static final TimeStampVerifier BOTH = new TimeStampVerifier(List.of(PKI.trust, EXTERNAL.trust()));

    @AfterAll
    static void stop() {
        EXTERNAL.close();
    }

    @Test
    void anExternalTokenVerifiesUnderItsOwnRootAndSaysSo() {
        TimeStampToken token = EXTERNAL.client().stamp(DATA);
        VerifiedTimeStamp verified = BOTH.verify(token, DATA);
        assertEquals(EXTERNAL.rootCertificate(), verified.anchor());
        assertEquals(EXTERNAL.tsa.certificate(), verified.tsaCertificate());
        assertEquals(ExternalTsa.POLICY, verified.policy());
        assertEquals(TestPki.NOW, verified.genTime());
    }

    @Test
    void ownTokensStillVerifyWhenExternalRootsAreAdded() {
        VerifiedTimeStamp verified = BOTH.verify(PKI.tsa.stamp(DATA), DATA);
        assertEquals(PKI.ca.certificate(), verified.anchor());
    }

    @Test
    void anExternalTokenIsRefusedWithoutItsRoot() {
        TimeStampToken token = EXTERNAL.client().stamp(DATA);
        TimeStampInvalid refused = assertThrows(TimeStampInvalid.class, () -> new TimeStampVerifier(PKI.trust).verify(token, DATA));
        assertTrue(refused.getMessage().contains("not trusted"), refused.getMessage());
    }

    @Test
    void aRootOfTheSameNameButAnotherKeyIsRefused() {
        try (ExternalTsa impostor = new ExternalTsa("Example Time Root")) {
            TimeStampToken token = impostor.client().stamp(DATA);
            assertEquals(Certificates.commonName(EXTERNAL.rootCertificate()), Certificates.commonName(impostor.rootCertificate()));
            assertThrows(TimeStampInvalid.class, () -> BOTH.verify(token, DATA));
        }
    }

    @Test
    void aTokenOverOtherDataIsRefusedWhateverTheAnchor() {
        TimeStampToken token = EXTERNAL.client().stamp(DATA);
        assertThrows(TimeStampInvalid.class, () -> BOTH.verify(token, Sha256.of(new byte[] {1})));
    }

    @Test
    void thePolicyIsRequestedAndRequired() {
        TimeStampToken token = EXTERNAL.client().requiringPolicy(ExternalTsa.POLICY).stamp(DATA);
        assertEquals(ExternalTsa.POLICY, BOTH.verify(token, DATA).policy());
        TimeStampFailed other = assertThrows(TimeStampFailed.class,
                () -> EXTERNAL.client().requiringPolicy("1.2.3.4.99").stamp(DATA));
        assertTrue(other.getMessage().contains("refused") || other.getMessage().contains("policy"), other.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EXTERNAL.client().requiringPolicy("not-an-oid"));
    }

    @Test
    void anUnreachableTsaFailsCleanlyAndQuickly() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        HttpTimeStamper down = new HttpTimeStamper(URI.create("http://127.0.0.1:" + port + "/tsr?key=secret"),
                Duration.ofSeconds(2));
        long start = System.nanoTime();
        TimeStampFailed failed = assertThrows(TimeStampFailed.class, () -> down.stamp(DATA));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
        assertTrue(failed.getMessage().contains("did not answer"), failed.getMessage());
        assertTrue(!failed.getMessage().contains("secret") && !down.toString().contains("secret"), failed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HttpTimeStamper(
                URI.create("https://user:secret@tsa.example/tsr"), Duration.ofSeconds(2)));
    }

    @Test
    void aCheckedTimeStamperRefusesATokenItsVerifierDoesNotTrust() {
        TimeStamper checked = EXTERNAL.client().checkedBy(new TimeStampVerifier(PKI.trust));
        TimeStampFailed failed = assertThrows(TimeStampFailed.class, () -> checked.stamp(DATA));
        assertTrue(failed.getMessage().contains("does not verify"), failed.getMessage());
        TimeStampToken token = EXTERNAL.client().checkedBy(new TimeStampVerifier(EXTERNAL.trust())).stamp(DATA);
        assertEquals(EXTERNAL.rootCertificate(), BOTH.verify(token, DATA).anchor());
    }

    @Test
    void aTrustFileWithSeveralCertificatesIsRead() {
        String pem = "# roots\n" + Certificates.pem(EXTERNAL.rootCertificate()) + "\n" + Certificates.pem(PKI.ca.certificate());
        assertEquals(List.of(EXTERNAL.rootCertificate(), PKI.ca.certificate()),
                Certificates.parseAllPem(pem.getBytes(StandardCharsets.US_ASCII)).orElseThrow());
        assertTrue(Certificates.parseAllPem("nothing".getBytes(StandardCharsets.US_ASCII)).isEmpty());
        assertTrue(Certificates.parseAllPem((Certificates.pem(PKI.ca.certificate()).replace("MII", "XX"))
                .getBytes(StandardCharsets.US_ASCII)).isEmpty());
    }
}
