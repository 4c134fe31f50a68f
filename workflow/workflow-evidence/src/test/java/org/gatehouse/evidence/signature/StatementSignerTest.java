package org.gatehouse.evidence.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.TestPki;
import org.gatehouse.evidence.authority.SigningAuthority;
import org.gatehouse.evidence.json.CanonicalJson;
import org.gatehouse.evidence.keys.SigningIdentity;
import org.gatehouse.evidence.keys.SigningKeyAlgorithm;
import org.junit.jupiter.api.Test;

class StatementSignerTest {
    private static final TestPki PKI = new TestPki();
    private final SignatureVerifier verifier = new SignatureVerifier(PKI.trust);

    private static ObjectNode decision() {
        return CanonicalJson.object().put("type", "gatehouse-decision/1").put("release", "r-1")
                .put("decision", "approve").put("signer", "alice");
    }

    @Test
    void aSignedStatementVerifiesForItsSigner() {
        SignedStatement signed = StatementSigner.sign(decision(), PKI.alice);
        VerifiedSignature verified = verifier.verify(signed, TestPki.NOW);
        assertEquals("alice", verified.signer());
        assertEquals("ES256", signed.signature().algorithm().id());
        assertEquals(Sha256.of(signed.payload()), signed.signature().payloadSha256());
        assertEquals("{\"decision\":\"approve\",\"release\":\"r-1\",\"signer\":\"alice\",\"type\":\"gatehouse-decision/1\"}",
                new String(signed.payload(), StandardCharsets.UTF_8));
        assertEquals(decision(), signed.statement());
    }

    @Test
    void ed25519SignaturesVerifyToo() {
        SignedStatement signed = StatementSigner.sign(decision().put("signer", "bob"), PKI.bob);
        assertEquals("Ed25519", signed.signature().algorithm().id());
        assertEquals(64, signed.signature().value().length);
        assertEquals("bob", verifier.verify(signed, TestPki.NOW).signer());
    }

    @Test
    void aChangedPayloadIsRefusedWithOrWithoutAFreshDigest() {
        SignedStatement signed = StatementSigner.sign(decision(), PKI.alice);
        byte[] changed = CanonicalJson.write(decision().put("decision", "reject"));
        assertThrows(SignatureInvalid.class, () -> verifier.verify(new SignedStatement(changed, signed.signature()), TestPki.NOW));
        StatementSignature fresh = new StatementSignature(signed.signature().algorithm(),
                signed.signature().signerCertificate(), signed.signature().value(), Sha256.of(changed));
        assertThrows(SignatureInvalid.class, () -> verifier.verify(new SignedStatement(changed, fresh), TestPki.NOW));
    }

    @Test
    void everyFlippedSignatureByteIsRefused() {
        SignedStatement signed = StatementSigner.sign(decision(), PKI.alice);
        byte[] value = signed.signature().value();
        for (int i = 0; i < value.length; i++) {
            byte[] tampered = value.clone();
            tampered[i] ^= 0x01;
            StatementSignature bad = new StatementSignature(signed.signature().algorithm(),
                    signed.signature().signerCertificate(), tampered, signed.signature().payloadSha256());
            assertThrows(SignatureInvalid.class, () -> verifier.verify(new SignedStatement(signed.payload(), bad), TestPki.NOW));
        }
    }

    @Test
    void anotherUsersCertificateDoesNotTakeOverTheSignature() {
        SignedStatement signed = StatementSigner.sign(decision(), PKI.alice);
        SigningIdentity mallory = PKI.ca.enrol("mallory", SigningKeyAlgorithm.ECDSA_P256, Duration.ofDays(30));
        StatementSignature swapped = new StatementSignature(SigningKeyAlgorithm.ECDSA_P256,
                Certificates.der(mallory.certificate()), signed.signature().value(), signed.signature().payloadSha256());
        assertThrows(SignatureInvalid.class, () -> verifier.verify(new SignedStatement(signed.payload(), swapped), TestPki.NOW));
    }

    @Test
    void aFalseAlgorithmClaimIsRefused() {
        SignedStatement signed = StatementSigner.sign(decision(), PKI.alice);
        StatementSignature claimed = new StatementSignature(SigningKeyAlgorithm.ED25519,
                signed.signature().signerCertificate(), signed.signature().value(), signed.signature().payloadSha256());
        assertThrows(SignatureInvalid.class, () -> verifier.verify(new SignedStatement(signed.payload(), claimed), TestPki.NOW));
    }

    @Test
    void theCertificateMustBeValidAtTheSigningTime() {
        SignedStatement signed = StatementSigner.sign(decision(), PKI.alice);
        assertThrows(SignatureInvalid.class, () -> verifier.verify(signed, TestPki.NOW.plus(Duration.ofDays(400))));
        assertThrows(SignatureInvalid.class, () -> verifier.verify(signed, TestPki.NOW.minus(Duration.ofDays(1))));
    }

    @Test
    void keysOfAnotherCaOrPurposeAreNotTrusted() {
        SigningAuthority other = SigningAuthority.create("Gatehouse Signing CA", Duration.ofDays(3650), TestPki.CLOCK);
        SignedStatement foreign = StatementSigner.sign(decision(), other.enrol("alice", SigningKeyAlgorithm.ECDSA_P256, Duration.ofDays(30)));
        assertThrows(SignatureInvalid.class, () -> verifier.verify(foreign, TestPki.NOW));
        SignedStatement byPlatform = StatementSigner.sign(decision(), PKI.platform);
        assertThrows(SignatureInvalid.class, () -> verifier.verify(byPlatform, TestPki.NOW));
    }

    @Test
    void aNonCanonicalPayloadIsRefused() {
        SignedStatement signed = StatementSigner.sign(decision(), PKI.alice);
        byte[] spaced = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);
        StatementSignature s = new StatementSignature(SigningKeyAlgorithm.ECDSA_P256, signed.signature().signerCertificate(),
                PKI.alice.sign(spaced), Sha256.of(spaced));
        assertThrows(SignatureInvalid.class, () -> verifier.verify(new SignedStatement(spaced, s), TestPki.NOW));
        assertThrows(IllegalArgumentException.class, () -> StatementSigner.sign(CanonicalJson.object().arrayNode(), PKI.alice));
    }
}
