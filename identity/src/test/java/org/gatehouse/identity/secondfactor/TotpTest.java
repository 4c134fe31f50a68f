package org.gatehouse.identity.secondfactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 Appendix B, SHA-1 column (8 digits). */
    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void matchesTheRfcTestVectors(long time, String expected) {
        assertEquals(expected, Totp.code(RFC_SECRET, Totp.step(time), 8, "HmacSHA1"));
    }

    @Test
    void acceptsOneStepOfSkewAndNeverTheSameCodeTwice() {
        long now = Totp.step(1_800_000_000L);
        String current = Totp.code(RFC_SECRET, now);
        String previous = Totp.code(RFC_SECRET, now - 1);
        String old = Totp.code(RFC_SECRET, now - 2);
        assertEquals(OptionalLong.of(now), Totp.match(RFC_SECRET, current, now, 0));
        assertEquals(OptionalLong.of(now - 1), Totp.match(RFC_SECRET, previous, now, 0));
        assertTrue(Totp.match(RFC_SECRET, old, now, 0).isEmpty(), "outside the window");
        assertTrue(Totp.match(RFC_SECRET, current, now, now).isEmpty(), "replay of a used step");
        assertTrue(Totp.match(RFC_SECRET, "12345", now, 0).isEmpty());
        assertTrue(Totp.match(RFC_SECRET, null, now, 0).isEmpty());
    }

    @Test
    void base32AndOtpauthUriFollowTheKeyUriFormat() {
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(RFC_SECRET));
        String uri = Totp.otpauthUri("Gatehouse", "alice", RFC_SECRET);
        assertEquals("otpauth://totp/Gatehouse%3Aalice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Gatehouse"
                + "&algorithm=SHA1&digits=6&period=30", uri);
    }

    @Test
    void sealedSecretsOpenOnlyWithTheSameKeyAndContext() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        SecretBox box = new SecretBox(Optional.of(key));
        byte[] sealed = box.seal(RFC_SECRET, "totp:alice");
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("1234567890"));
        assertEquals(new String(RFC_SECRET, StandardCharsets.US_ASCII),
                new String(box.open(sealed, "totp:alice"), StandardCharsets.US_ASCII));
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "totp:mallory"), "bound to its owner");
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThrows(IllegalStateException.class,
                () -> new SecretBox(Optional.of(Base64.getEncoder().encodeToString(otherKey))).open(sealed, "totp:alice"));
        assertThrows(IllegalStateException.class, () -> new SecretBox(Optional.empty()).seal(RFC_SECRET, "x"));
    }
}
