package org.gatehouse.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Encryption at rest of classified documents (C.3, 7.8.6-ei; ADR 0024). */
class DocumentKeysTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private static String key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void aSealedVersionOpensOnlyWithItsKeyAndItsOwnContext() {
        DocumentKeys keys = new DocumentKeys(Optional.empty(), Optional.of(key()), true);
        byte[] plain = "the payment design".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = keys.seal(plain, "uploaded-document:a:v1:x");

        assertEquals("platform", keys.activeId());
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("payment"));
        assertNotEquals(Arrays.toString(sealed), Arrays.toString(keys.seal(plain, "uploaded-document:a:v1:x")),
                "a fresh nonce each time");
        assertArrayEquals(plain, keys.open("platform", sealed, "uploaded-document:a:v1:x"));
        assertThrows(IllegalStateException.class, () -> keys.open("platform", sealed, "uploaded-document:b:v1:x"),
                "moved to another row");
        sealed[sealed.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> keys.open("platform", sealed, "uploaded-document:a:v1:x"));
        assertThrows(IllegalStateException.class, () -> keys.open("gone", sealed, "uploaded-document:a:v1:x"));
    }

    @Test
    void rotationSealsWithTheFirstKeyAndStillOpensWithTheOlderOnes() {
        String old = key();
        DocumentKeys before = new DocumentKeys(Optional.of("k1:" + old), Optional.of(key()), true);
        byte[] sealed = before.seal(new byte[] {1, 2, 3}, "c");
        DocumentKeys after = new DocumentKeys(Optional.of("k2:" + key() + ", k1:" + old), Optional.empty(), true);

        assertEquals("k2", after.activeId());
        assertArrayEquals(new byte[] {1, 2, 3}, after.open("k1", sealed, "c"));
        assertArrayEquals(new byte[] {4}, after.open("k2", after.seal(new byte[] {4}, "c"), "c"));
    }

    @Test
    void badKeyConfigurationFailsTheStartAndNoKeyMeansNothingCanBeSealed() {
        assertThrows(IllegalStateException.class, () -> new DocumentKeys(Optional.of("k1:" + Base64.getEncoder()
                .encodeToString(new byte[16])), Optional.empty(), true));
        assertThrows(IllegalStateException.class, () -> new DocumentKeys(Optional.of("K 1:" + key()), Optional.empty(), true));
        DocumentKeys none = new DocumentKeys(Optional.empty(), Optional.empty(), true);
        assertFalse(none.configured());
        assertThrows(IllegalStateException.class, () -> none.seal(new byte[] {1}, "c"));
    }
}
