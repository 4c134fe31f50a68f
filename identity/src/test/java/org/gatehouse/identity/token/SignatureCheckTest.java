package org.gatehouse.identity.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.gatehouse.identity.token.SignatureCheck.Headers;
import org.gatehouse.identity.token.SignatureCheck.Verdict;
import org.gatehouse.platform.crypto.RequestSignature;
import org.junit.jupiter.api.Test;

class SignatureCheckTest {
    private static final byte[] KEY = "k".repeat(32).getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String PATH = "/api/v1/releases/0190/imports";
    private static final String NONCE = "n0nce-0123456789abcdef";
    private final SignatureCheck check = new SignatureCheck(Duration.ofMinutes(5));

    private static Headers signed(String timestamp, String nonce, String digest) {
        String canonical = RequestSignature.canonical("POST", PATH, timestamp, nonce, digest);
        return new Headers("gk_1", timestamp, nonce, digest, RequestSignature.sign(KEY, canonical));
    }

    @Test
    void aRightSignatureIsValidWithEitherTimestampForm() {
        assertEquals(Verdict.VALID, check.check("POST", PATH, signed(String.valueOf(NOW.getEpochSecond()), NONCE,
                RequestSignature.EMPTY_SHA256), "gk_1", KEY, NOW));
        assertEquals(Verdict.VALID, check.check("POST", PATH, signed("2026-03-01T20:03:00+08:00", NONCE,
                RequestSignature.EMPTY_SHA256), "gk_1", KEY, NOW));
    }

    @Test
    void everyFlawHasItsVerdict() {
        Headers good = signed(String.valueOf(NOW.getEpochSecond()), NONCE, RequestSignature.EMPTY_SHA256);
        assertEquals(Verdict.MISSING_HEADERS, check.check("POST", PATH, new Headers("gk_1", good.timestamp(), good.nonce(),
                good.contentSha256(), null), "gk_1", KEY, NOW));
        assertEquals(Verdict.WRONG_KEY_ID, check.check("POST", PATH, good, "gk_2", KEY, NOW));
        assertEquals(Verdict.BAD_SIGNATURE, check.check("GET", PATH, good, "gk_1", KEY, NOW), "method is signed");
        assertEquals(Verdict.BAD_SIGNATURE, check.check("POST", PATH + "?x=1", good, "gk_1", KEY, NOW), "query is signed");
        assertEquals(Verdict.BAD_SIGNATURE, check.check("POST", PATH, new Headers("gk_1", good.timestamp(), good.nonce(),
                "0".repeat(64), good.signature()), "gk_1", KEY, NOW), "the body digest is signed");
        assertEquals(Verdict.BAD_SIGNATURE, check.check("POST", PATH, new Headers("gk_1", good.timestamp(),
                "n0nce-0123456789abcdeF", good.contentSha256(), good.signature()), "gk_1", KEY, NOW), "the nonce is signed");
        assertEquals(Verdict.BAD_TIMESTAMP, check.check("POST", PATH, signed("soon", NONCE, RequestSignature.EMPTY_SHA256),
                "gk_1", KEY, NOW));
        assertEquals(Verdict.BAD_NONCE, check.check("POST", PATH, signed(good.timestamp(), "short",
                RequestSignature.EMPTY_SHA256), "gk_1", KEY, NOW));
        assertEquals(Verdict.BAD_CONTENT_DIGEST, check.check("POST", PATH, signed(good.timestamp(), NONCE, "abc"),
                "gk_1", KEY, NOW));
    }

    @Test
    void theTimestampWindowIsInclusiveBothWays() {
        long now = NOW.getEpochSecond();
        assertEquals(Verdict.VALID, check.check("POST", PATH, signed(String.valueOf(now - 300), NONCE,
                RequestSignature.EMPTY_SHA256), "gk_1", KEY, NOW));
        assertEquals(Verdict.VALID, check.check("POST", PATH, signed(String.valueOf(now + 300), NONCE,
                RequestSignature.EMPTY_SHA256), "gk_1", KEY, NOW));
        assertEquals(Verdict.STALE_TIMESTAMP, check.check("POST", PATH, signed(String.valueOf(now - 301), NONCE,
                RequestSignature.EMPTY_SHA256), "gk_1", KEY, NOW));
        assertEquals(Verdict.STALE_TIMESTAMP, check.check("POST", PATH, signed(String.valueOf(now + 301), NONCE,
                RequestSignature.EMPTY_SHA256), "gk_1", KEY, NOW));
    }

    @Test
    void aNonceIsRememberedExactlyAsLongAsItsTimestampIsAccepted() {
        Instant stamped = NOW.plusSeconds(120);
        Instant expiry = check.nonceExpiry(stamped);
        assertEquals(stamped.plus(Duration.ofMinutes(5)), expiry);
        assertTrue(check.withinWindow(stamped, expiry), "still accepted at the expiry: the nonce is still known");
        assertFalse(check.withinWindow(stamped, expiry.plusSeconds(1)), "after it the timestamp alone refuses a replay");
        SignatureCheck narrow = new SignatureCheck(Duration.ofSeconds(30));
        assertFalse(narrow.withinWindow(NOW.minusSeconds(31), NOW));
    }
}
