package org.gatehouse.evidence.authority;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.keys.KeyMaterial;
import org.gatehouse.evidence.keys.SealingKey;
import org.gatehouse.evidence.keys.SealingKeyRing;
import org.gatehouse.evidence.keys.SigningIdentity;
import org.gatehouse.evidence.keys.SigningKeyAlgorithm;
import org.junit.jupiter.api.Test;

class SigningAuthorityTest {
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SigningAuthority CA = SigningAuthority.create("Gatehouse Signing CA", Duration.ofDays(3650), CLOCK);
    private final CertificateTrust trust = new CertificateTrust(CA.certificate());

    @Test
    void theCaIsASelfSignedP256CaCertificate() throws Exception {
        X509Certificate ca = CA.certificate();
        assertEquals(3, ca.getVersion());
        assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal());
        ca.verify(ca.getPublicKey());
        assertEquals(0, ca.getBasicConstraints());
        assertTrue(ca.getKeyUsage()[5], "keyCertSign");
        assertFalse(ca.getKeyUsage()[0], "no digitalSignature");
        assertTrue(ca.getCriticalExtensionOIDs().contains("2.5.29.19"));
        assertEquals(SigningKeyAlgorithm.ECDSA_P256, SigningKeyAlgorithm.of(ca.getPublicKey()).orElseThrow());
        assertEquals("SHA256WITHECDSA", ca.getSigAlgName().toUpperCase());
    }

    @Test
    void enrolmentIssuesAUserCertificateForTheLogin() throws Exception {
        SigningIdentity alice = CA.enrol("alice", SigningKeyAlgorithm.ECDSA_P256, Duration.ofDays(365));
        X509Certificate cert = alice.certificate();
        cert.verify(CA.certificate().getPublicKey());
        assertEquals("alice", Certificates.commonName(cert).orElseThrow());
        assertEquals(-1, cert.getBasicConstraints());
        assertTrue(cert.getKeyUsage()[0] && cert.getKeyUsage()[1], "digitalSignature and nonRepudiation");
        assertFalse(cert.getKeyUsage()[5]);
        assertEquals(List.of(GatehouseOids.DECISION_SIGNING.getId()), cert.getExtendedKeyUsage());
        assertEquals(NOW.plus(Duration.ofDays(365)), cert.getNotAfter().toInstant());
        assertTrue(cert.getSerialNumber().signum() > 0 && cert.getSerialNumber().bitLength() > 150);
        assertNotEquals(cert.getSerialNumber(), CA.enrol("alice", SigningKeyAlgorithm.ECDSA_P256, Duration.ofDays(1))
                .certificate().getSerialNumber());
        assertDoesNotThrow(() -> trust.check(cert, CertificateProfile.DECISION_SIGNING, NOW));
    }

    @Test
    void ed25519UsersAreSupported() throws Exception {
        SigningIdentity bob = CA.enrol("bob", SigningKeyAlgorithm.ED25519, Duration.ofDays(30));
        bob.certificate().verify(CA.certificate().getPublicKey());
        assertEquals(SigningKeyAlgorithm.ED25519, bob.algorithm());
        assertDoesNotThrow(() -> trust.check(bob.certificate(), CertificateProfile.DECISION_SIGNING, NOW));
    }

    @Test
    void theTsaCertificateHasTheOneCriticalTimeStampingUsage() throws Exception {
        X509Certificate tsa = CA.issueTimeStampingKey("Gatehouse TSA", Duration.ofDays(3000)).certificate();
        assertEquals(List.of(KeyPurposeId.id_kp_timeStamping.getId()), tsa.getExtendedKeyUsage());
        assertTrue(tsa.getCriticalExtensionOIDs().contains("2.5.29.37"));
        assertDoesNotThrow(() -> trust.check(tsa, CertificateProfile.TIME_STAMPING, NOW));
        assertThrows(CertificateRejected.class, () -> trust.check(tsa, CertificateProfile.DECISION_SIGNING, NOW));
    }

    @Test
    void aCertificateServesOnlyItsOwnPurpose() {
        X509Certificate alice = CA.enrol("alice", SigningKeyAlgorithm.ECDSA_P256, Duration.ofDays(30)).certificate();
        X509Certificate platform = CA.issuePlatformKey("gatehouse-platform", Duration.ofDays(30)).certificate();
        assertThrows(CertificateRejected.class, () -> trust.check(alice, CertificateProfile.PLATFORM_SEAL, NOW));
        assertThrows(CertificateRejected.class, () -> trust.check(alice, CertificateProfile.TIME_STAMPING, NOW));
        assertThrows(CertificateRejected.class, () -> trust.check(platform, CertificateProfile.DECISION_SIGNING, NOW));
        assertDoesNotThrow(() -> trust.check(platform, CertificateProfile.PLATFORM_SEAL, NOW));
        assertThrows(CertificateRejected.class, () -> trust.check(CA.certificate(), CertificateProfile.DECISION_SIGNING, NOW));
    }

    @Test
    void aCertificateIsRefusedOutsideItsValidity() {
        X509Certificate alice = CA.enrol("alice", SigningKeyAlgorithm.ECDSA_P256, Duration.ofDays(30)).certificate();
        assertThrows(CertificateRejected.class, () -> trust.check(alice, CertificateProfile.DECISION_SIGNING, NOW.plus(Duration.ofDays(31))));
        assertThrows(CertificateRejected.class, () -> trust.check(alice, CertificateProfile.DECISION_SIGNING, NOW.minus(Duration.ofHours(1))));
    }

    @Test
    void anotherCaIsNotTrusted() {
        SigningAuthority other = SigningAuthority.create("Gatehouse Signing CA", Duration.ofDays(3650), CLOCK);
        X509Certificate mallory = other.enrol("alice", SigningKeyAlgorithm.ECDSA_P256, Duration.ofDays(30)).certificate();
        assertThrows(CertificateRejected.class, () -> trust.check(mallory, CertificateProfile.DECISION_SIGNING, NOW));
        assertThrows(CertificateRejected.class, () -> new CertificateTrust(mallory));
    }

    @Test
    void theCaSurvivesStorageAndKeepsIssuing() {
        SealingKeyRing ring = SealingKeyRing.of(SealingKey.generate());
        byte[] stored = KeyMaterial.seal(CA.identity(), ring).toBytes();
        SigningAuthority loaded = SigningAuthority.of(KeyMaterial.fromBytes(stored).unlock(ring), CLOCK);
        assertArrayEquals(CA.certificate().getPublicKey().getEncoded(), loaded.certificate().getPublicKey().getEncoded());
        X509Certificate carol = loaded.enrol("carol", SigningKeyAlgorithm.ECDSA_P256, Duration.ofDays(30)).certificate();
        assertDoesNotThrow(() -> trust.check(carol, CertificateProfile.DECISION_SIGNING, NOW));
        SigningIdentity user = CA.enrol("dave", SigningKeyAlgorithm.ECDSA_P256, Duration.ofDays(1));
        assertThrows(IllegalArgumentException.class, () -> SigningAuthority.of(user, CLOCK));
    }

    @Test
    void aUserCertificateNeverOutlivesTheCa() {
        X509Certificate long_ = CA.enrol("erin", SigningKeyAlgorithm.ECDSA_P256, Duration.ofDays(100_000)).certificate();
        assertEquals(CA.certificate().getNotAfter(), long_.getNotAfter());
    }
}
