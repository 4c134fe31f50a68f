package org.gatehouse.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theCanonicalStringIsFiveLinesWithThePathAsSent() {
        assertEquals("POST\n/api/v1/releases/r%2F1/imports?x=a%20b\n1767225600\nnonce-0123456789ab\n" + RequestSignature.EMPTY_SHA256,
                RequestSignature.canonical("post", "/api/v1/releases/r%2F1/imports?x=a%20b", "1767225600",
                        "nonce-0123456789ab", RequestSignature.EMPTY_SHA256.toUpperCase()));
        assertThrows(IllegalArgumentException.class,
                () -> RequestSignature.canonical("GET", "/a\nGET", "1", "nonce-0123456789ab", RequestSignature.EMPTY_SHA256));
        assertThrows(IllegalArgumentException.class,
                () -> RequestSignature.canonical("GET", "/a", null, "nonce-0123456789ab", RequestSignature.EMPTY_SHA256));
    }

    @Test
    void hmacMatchesAnIndependentVector() {
        // computed independently (Python's hmac module) over the same five lines
        String canonical = RequestSignature.canonical("GET", "/api/v1/releases/1/gate", "1767225600",
                "abcdefghijklmnop", RequestSignature.EMPTY_SHA256);
        String signature = RequestSignature.sign(KEY, canonical);
        assertEquals("C4XuBs1/FClnhwHWsBNNg7pfCDStzvQetKHZAi7qZrA=", signature);
        assertEquals(signature, RequestSignature.sign(KEY, canonical), "deterministic");
        assertTrue(RequestSignature.verify(KEY, canonical, signature));
    }

    @Test
    void verificationFailsOnAnyChange() {
        String canonical = RequestSignature.canonical("POST", "/p", "1767225600", "abcdefghijklmnop", RequestSignature.EMPTY_SHA256);
        String signature = RequestSignature.sign(KEY, canonical);
        assertFalse(RequestSignature.verify(KEY, canonical.replace("/p", "/q"), signature));
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertFalse(RequestSignature.verify(otherKey, canonical, signature));
        assertFalse(RequestSignature.verify(KEY, canonical, "not base64 !"));
        assertFalse(RequestSignature.verify(KEY, canonical, ""));
        assertFalse(RequestSignature.verify(KEY, canonical, null));
        assertFalse(RequestSignature.verify(KEY, canonical, signature.substring(0, 20)));
        assertThrows(IllegalArgumentException.class, () -> RequestSignature.sign(new byte[8], canonical));
    }

    @Test
    void timestampsAreEpochSecondsOrRfc3339() {
        assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00Z")), RequestSignature.parseTimestamp("1767225600"));
        assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
                RequestSignature.parseTimestamp("2026-01-01T08:00:00+08:00"));
        assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00.5Z")),
                RequestSignature.parseTimestamp("2026-01-01T00:00:00.5Z"));
        assertTrue(RequestSignature.parseTimestamp("2026-01-01T00:00:00").isEmpty(), "an offset is required");
        assertTrue(RequestSignature.parseTimestamp("yesterday").isEmpty());
        assertTrue(RequestSignature.parseTimestamp("-5").isEmpty());
        assertTrue(RequestSignature.parseTimestamp(null).isEmpty());
    }

    @Test
    void noncesAndDigestsHaveASyntax() {
        assertTrue(RequestSignature.isValidNonce("abcdefghijklmnop"));
        assertFalse(RequestSignature.isValidNonce("short"));
        assertFalse(RequestSignature.isValidNonce("a".repeat(65)));
        assertTrue(RequestSignature.isValidNonce("a".repeat(64)));
        assertFalse(RequestSignature.isValidNonce("abcdefghijklmnop\n"));
        assertFalse(RequestSignature.isValidNonce("abcdefgh ijklmnop"));
        assertTrue(RequestSignature.isValidContentSha256(RequestSignature.EMPTY_SHA256));
        assertFalse(RequestSignature.isValidContentSha256(RequestSignature.EMPTY_SHA256.toUpperCase()));
        assertEquals(RequestSignature.EMPTY_SHA256, RequestSignature.hex(RequestSignature.sha256().digest()));
        assertTrue(RequestSignature.sameDigest(RequestSignature.EMPTY_SHA256, RequestSignature.EMPTY_SHA256));
        assertFalse(RequestSignature.sameDigest(RequestSignature.EMPTY_SHA256, RequestSignature.EMPTY_SHA256.substring(1)));
    }
}
