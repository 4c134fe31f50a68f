package org.gatehouse.evidence.timestamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.TestPki;
import org.gatehouse.evidence.authority.GatehouseOids;
import org.gatehouse.evidence.authority.SigningAuthority;
import org.junit.jupiter.api.Test;

class TimeStampAuthorityTest {
    private static final TestPki PKI = new TestPki();
    private static final Sha256 DATA = Sha256.of("a signature value".getBytes(StandardCharsets.UTF_8));
    private final TimeStampVerifier verifier = new TimeStampVerifier(PKI.trust);

    @Test
    void aTokenVerifiesWithItsTimePolicyAndAccuracy() {
        TimeStampToken token = PKI.tsa.stamp(DATA);
        VerifiedTimeStamp verified = verifier.verify(token, DATA);
        assertEquals(TestPki.NOW, verified.genTime());
        assertEquals(GatehouseOids.TIME_STAMP_POLICY.getId(), verified.policy());
        assertEquals(Optional.of(Duration.ofSeconds(1)), verified.accuracy());
        assertEquals(PKI.tsa.certificate(), verified.tsaCertificate());
        assertNotEquals(verified.serialNumber(), verifier.verify(PKI.tsa.stamp(DATA), DATA).serialNumber());
    }

    @Test
    void aTokenOverOtherDataIsRefused() {
        TimeStampToken token = PKI.tsa.stamp(DATA);
        assertThrows(TimeStampInvalid.class, () -> verifier.verify(token, Sha256.of(new byte[0])));
    }

    @Test
    void everyFlippedTokenByteIsRefused() {
        byte[] der = PKI.tsa.stamp(DATA).der();
        for (int i = 0; i < der.length; i++) {
            byte[] tampered = der.clone();
            tampered[i] ^= 0x01;
            int at = i;
            assertThrows(TimeStampInvalid.class, () -> verifier.verify(new TimeStampToken(tampered), DATA), "byte " + at);
        }
    }

    @Test
    void aTsaOfAnotherCaIsNotTrusted() {
        SigningAuthority other = SigningAuthority.create("Gatehouse Signing CA", Duration.ofDays(3650), TestPki.CLOCK);
        TimeStampAuthority rogue = TimeStampAuthority.of(other.issueTimeStampingKey("Gatehouse TSA", Duration.ofDays(30)), TestPki.CLOCK);
        assertThrows(TimeStampInvalid.class, () -> verifier.verify(rogue.stamp(DATA), DATA));
    }

    @Test
    void aKeyWithoutTheTimeStampingUsageCannotRunATsa() {
        assertThrows(IllegalStateException.class, () -> TimeStampAuthority.of(PKI.platform, TestPki.CLOCK));
    }

    @Test
    void answersRequestsItCannotGrantWithARejection() throws Exception {
        assertEquals(PKIStatus.REJECTION, new TimeStampResponse(PKI.tsa.respond(new byte[] {1, 2, 3})).getStatus());

        TimeStampRequestGenerator sha1 = new TimeStampRequestGenerator();
        byte[] sha1Request = sha1.generate(TSPAlgorithms.SHA1, new byte[20], BigInteger.ONE).getEncoded();
        assertEquals(PKIStatus.REJECTION, new TimeStampResponse(PKI.tsa.respond(sha1Request)).getStatus());

        TimeStampRequestGenerator otherPolicy = new TimeStampRequestGenerator();
        otherPolicy.setReqPolicy(new ASN1ObjectIdentifier("1.2.3.4"));
        byte[] policyRequest = otherPolicy.generate(TSPAlgorithms.SHA256, DATA.bytes(), BigInteger.TWO).getEncoded();
        assertEquals(PKIStatus.REJECTION, new TimeStampResponse(PKI.tsa.respond(policyRequest)).getStatus());
    }

    @Test
    void grantsAPlainRequestWithItsNonceAndNoOrdering() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        var request = generator.generate(TSPAlgorithms.SHA256, DATA.bytes(), BigInteger.valueOf(42));
        TimeStampResponse response = new TimeStampResponse(PKI.tsa.respond(request.getEncoded()));
        assertEquals(PKIStatus.GRANTED, response.getStatus());
        response.validate(request);
        var info = response.getTimeStampToken().getTimeStampInfo();
        assertEquals(BigInteger.valueOf(42), info.getNonce());
        assertFalse(info.isOrdered());
        assertTrue(verifier.verify(new TimeStampToken(response.getTimeStampToken().getEncoded()), DATA) != null);
    }

    @Test
    void aClientRefusesAnAnswerToAnotherRequest() throws Exception {
        var request = TimeStampProtocol.request(DATA);
        byte[] earlierAnswer = PKI.tsa.respond(TimeStampProtocol.encode(TimeStampProtocol.request(DATA)));
        assertThrows(TimeStampFailed.class, () -> TimeStampProtocol.accept(request, earlierAnswer));
        assertThrows(TimeStampFailed.class, () -> TimeStampProtocol.accept(request, new byte[] {0x30, 0}));
        byte[] rejection = PKI.tsa.respond(new byte[] {1});
        assertThrows(TimeStampFailed.class, () -> TimeStampProtocol.accept(request, rejection));
    }
}
