package org.gatehouse.evidence.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SealingKeyTest {
    private static final byte[] SECRET = "the private key".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealsAndUnsealsWithTheSameKeyAndContext() {
        SealingKey key = SealingKey.generate();
        byte[] envelope = key.seal(SECRET, "user:alice");
        assertArrayEquals(SECRET, key.unseal(envelope, "user:alice"));
        assertEquals(2 + key.id().value().length() + 12 + SECRET.length + 16, envelope.length);
    }

    @Test
    void everySealUsesAFreshNonce() {
        SealingKey key = SealingKey.generate();
        assertFalse(Arrays.equals(key.seal(SECRET, "c"), key.seal(SECRET, "c")));
    }

    @Test
    void readsTheConfiguredBase64KeyAndDerivesAStableId() {
        byte[] raw = new byte[32];
        Arrays.fill(raw, (byte) 7);
        SealingKey a = SealingKey.fromBase64(Base64.getEncoder().encodeToString(raw) + "\n");
        SealingKey b = SealingKey.of(raw);
        assertEquals(a.id(), b.id());
        assertTrue(a.id().value().matches("k[0-9a-f]{16}"));
        assertArrayEquals(SECRET, b.unseal(a.seal(SECRET, "c"), "c"));
        assertFalse(a.toString().contains(Base64.getEncoder().encodeToString(raw)));
        assertThrows(IllegalArgumentException.class, () -> SealingKey.fromBase64(Base64.getEncoder().encodeToString(new byte[16])));
    }

    @Test
    void aWrongKeyWithTheSameIdDoesNotOpen() {
        KeyId id = new KeyId("2026-01");
        byte[] envelope = SealingKey.of(id, new byte[32]).seal(SECRET, "c");
        byte[] other = new byte[32];
        other[0] = 1;
        UnsealFailed failed = assertThrows(UnsealFailed.class, () -> SealingKey.of(id, other).unseal(envelope, "c"));
        assertEquals(UnsealFailed.Reason.AUTHENTICATION_FAILED, failed.reason());
    }

    @Test
    void anotherContextDoesNotOpen() {
        SealingKey key = SealingKey.generate();
        byte[] envelope = key.seal(SECRET, "user:alice");
        assertEquals(UnsealFailed.Reason.AUTHENTICATION_FAILED,
                assertThrows(UnsealFailed.class, () -> key.unseal(envelope, "user:mallory")).reason());
    }

    @Test
    void everyFlippedByteIsRefused() {
        SealingKey key = SealingKey.of(new KeyId("main"), new byte[32]);
        SealingKeyRing ring = SealingKeyRing.of(key);
        byte[] envelope = key.seal(SECRET, "c");
        for (int i = 0; i < envelope.length; i++) {
            byte[] tampered = envelope.clone();
            tampered[i] ^= 0x01;
            assertThrows(UnsealFailed.class, () -> ring.unseal(tampered, "c"), "byte " + i);
        }
        assertThrows(UnsealFailed.class, () -> ring.unseal(Arrays.copyOf(envelope, envelope.length - 1), "c"));
        assertEquals(UnsealFailed.Reason.MALFORMED,
                assertThrows(UnsealFailed.class, () -> ring.unseal(new byte[] {1}, "c")).reason());
    }

    @Test
    void aRingUnsealsByKeyIdAndResealsUnderTheNewest() {
        SealingKey old = SealingKey.generate();
        SealingKey current = SealingKey.generate();
        byte[] envelope = SealingKeyRing.of(old).seal(SECRET, "c");
        SealingKeyRing ring = SealingKeyRing.of(current, old);
        assertFalse(ring.isCurrent(envelope));
        assertArrayEquals(SECRET, ring.unseal(envelope, "c"));

        byte[] resealed = ring.reseal(envelope, "c");
        assertTrue(ring.isCurrent(resealed));
        assertEquals(current.id(), SealingKeyRing.keyIdOf(resealed));
        assertArrayEquals(SECRET, SealingKeyRing.of(current).unseal(resealed, "c"));
        UnsealFailed unknown = assertThrows(UnsealFailed.class, () -> SealingKeyRing.of(current).unseal(envelope, "c"));
        assertEquals(UnsealFailed.Reason.UNKNOWN_KEY, unknown.reason());
    }

    @Test
    void aChangedKeyIdInTheHeaderDoesNotOpenEvenUnderThatKey() {
        byte[] raw = new byte[32];
        SealingKey a = SealingKey.of(new KeyId("a"), raw);
        SealingKey b = SealingKey.of(new KeyId("b"), raw);
        byte[] envelope = a.seal(SECRET, "c");
        envelope[2] = 'b';
        assertEquals(UnsealFailed.Reason.AUTHENTICATION_FAILED,
                assertThrows(UnsealFailed.class, () -> SealingKeyRing.of(b).unseal(envelope, "c")).reason());
    }

    @Test
    void refusesAnUnknownVersionAndDuplicateIds() {
        SealingKey key = SealingKey.generate();
        byte[] envelope = key.seal(SECRET, "c");
        envelope[0] = 2;
        assertEquals(UnsealFailed.Reason.UNSUPPORTED_VERSION,
                assertThrows(UnsealFailed.class, () -> key.unseal(envelope, "c")).reason());
        assertThrows(IllegalArgumentException.class, () -> SealingKeyRing.of(key, SealingKey.of(key.id(), new byte[32])));
        assertNotEquals(SealingKey.generate().id(), key.id());
    }
}
