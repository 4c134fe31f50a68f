package org.gatehouse.evidence.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.gatehouse.evidence.CryptoProvider;
import org.gatehouse.evidence.authority.SigningAuthority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyMaterialTest {
    private static final SigningAuthority CA = SigningAuthority.create("Test CA", Duration.ofDays(3650), Clock.systemUTC());
    private final SealingKeyRing ring = SealingKeyRing.of(SealingKey.generate());

    @ParameterizedTest
    @EnumSource(SigningKeyAlgorithm.class)
    void aStoredKeyLoadsBackAndStillSigns(SigningKeyAlgorithm algorithm) throws Exception {
        SigningIdentity alice = CA.enrol("alice", algorithm, Duration.ofDays(30));
        byte[] stored = KeyMaterial.seal(alice, ring).toBytes();

        SigningIdentity loaded = KeyMaterial.fromBytes(stored).unlock(ring);
        assertEquals("alice", loaded.name());
        assertEquals(algorithm, loaded.algorithm());
        byte[] signature = loaded.sign(new byte[] {1, 2, 3});
        Signature verifier = Signature.getInstance(algorithm.jcaSignature(), CryptoProvider.bc());
        verifier.initVerify(alice.certificate().getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertTrue(verifier.verify(signature));
    }

    @Test
    void thePrivateKeyIsNotStoredInTheClear() {
        SigningIdentity alice = CA.enrol("alice", SigningKeyAlgorithm.ECDSA_P256, Duration.ofDays(30));
        byte[] stored = KeyMaterial.seal(alice, ring).toBytes();
        byte[] scalar = ((java.security.interfaces.ECPrivateKey) alice.privateKey()).getS().toByteArray();
        byte[] tail = Arrays.copyOfRange(scalar, scalar.length - 16, scalar.length);
        assertEquals(-1, indexOf(stored, tail));
    }

    @Test
    void aSealedKeyNextToAnotherCertificateDoesNotOpen() {
        byte[] alice = KeyMaterial.seal(CA.enrol("alice", SigningKeyAlgorithm.ECDSA_P256, Duration.ofDays(30)), ring).toBytes();
        byte[] bob = KeyMaterial.seal(CA.enrol("bob", SigningKeyAlgorithm.ECDSA_P256, Duration.ofDays(30)), ring).toBytes();
        ByteBuffer a = ByteBuffer.wrap(alice, 5, alice.length - 5);
        int aliceCert = a.getInt();
        ByteBuffer b = ByteBuffer.wrap(bob, 5, bob.length - 5);
        int bobCert = b.getInt();
        // bob's certificate with alice's sealed private key
        byte[] swapped = ByteBuffer.allocate(9 + bobCert + alice.length - 9 - aliceCert)
                .put(Arrays.copyOf(bob, 9 + bobCert)).put(alice, 9 + aliceCert, alice.length - 9 - aliceCert).array();
        assertThrows(UnsealFailed.class, () -> KeyMaterial.fromBytes(swapped).unlock(ring));
    }

    @Test
    void resealsUnderTheNewestKey() {
        SigningIdentity alice = CA.enrol("alice", SigningKeyAlgorithm.ED25519, Duration.ofDays(30));
        KeyMaterial stored = KeyMaterial.seal(alice, ring);
        SealingKeyRing rotated = SealingKeyRing.of(SealingKey.generate(), ring.newest());
        assertFalse(stored.isSealedUnderNewest(rotated));
        KeyMaterial resealed = KeyMaterial.fromBytes(stored.reseal(rotated).toBytes());
        assertTrue(resealed.isSealedUnderNewest(rotated));
        assertEquals(rotated.newest().id(), resealed.sealedWith());
        assertEquals("alice", resealed.unlock(SealingKeyRing.of(rotated.newest())).name());
        assertArrayEquals(stored.certificate().getPublicKey().getEncoded(), resealed.certificate().getPublicKey().getEncoded());
    }

    @Test
    void everyFlippedByteIsRefused() {
        byte[] stored = KeyMaterial.seal(CA.enrol("alice", SigningKeyAlgorithm.ECDSA_P256, Duration.ofDays(30)), ring).toBytes();
        for (int i = 0; i < stored.length; i++) {
            byte[] tampered = stored.clone();
            tampered[i] ^= 0x01;
            int at = i;
            assertThrows(RuntimeException.class, () -> KeyMaterial.fromBytes(tampered).unlock(ring), "byte " + at);
        }
        assertThrows(MalformedKeyMaterial.class, () -> KeyMaterial.fromBytes(Arrays.copyOf(stored, stored.length - 1)));
        assertThrows(MalformedKeyMaterial.class, () -> KeyMaterial.fromBytes(Arrays.copyOf(stored, stored.length + 1)));
        assertThrows(MalformedKeyMaterial.class, () -> KeyMaterial.fromBytes(new byte[0]));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
