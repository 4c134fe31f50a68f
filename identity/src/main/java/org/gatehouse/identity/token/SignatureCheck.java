package org.gatehouse.identity.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.gatehouse.platform.crypto.RequestSignature;

/**
 * Judges a signed request's headers (TC260 7.8.3-do/dq, ADR 0012) against the token's key: all five
 * headers present and well-formed, the key id the token's, the timestamp within the window (default
 * ±5 minutes) and the HMAC right. The nonce's first use and the body's digest are checked by the
 * caller: the nonce in the database (only after the signature holds, so unsigned noise cannot fill
 * the table), the body while it streams in.
 */
public final class SignatureCheck {
    /** A check's outcome; {@link #id()} goes into the call log and the problem's detail. */
    public enum Verdict {
        VALID("valid"),
        UNSIGNED("unsigned"),
        SIGNATURE_REQUIRED("signature-required"),
        MISSING_HEADERS("missing-headers"),
        WRONG_KEY_ID("wrong-key-id"),
        BAD_TIMESTAMP("bad-timestamp"),
        STALE_TIMESTAMP("stale-timestamp"),
        BAD_NONCE("bad-nonce"),
        REPLAYED_NONCE("replayed-nonce"),
        BAD_CONTENT_DIGEST("bad-content-digest"),
        BAD_SIGNATURE("bad-signature"),
        BODY_MISMATCH("body-mismatch");

        private final String id;

        Verdict(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** The five signature headers as received (any may be null). */
    public record Headers(String keyId, String timestamp, String nonce, String contentSha256, String signature) {
        public boolean anyPresent() {
            return keyId != null || timestamp != null || nonce != null || contentSha256 != null || signature != null;
        }
    }

    private final Duration window;

    public SignatureCheck(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the signature window must be positive");
        }
        this.window = window;
    }

    /**
     * The verdict on the headers of a request to {@code method} {@code rawPathAndQuery}, signed with
     * {@code key} under {@code keyId}; {@link Verdict#VALID} when the signature holds.
     */
    public Verdict check(String method, String rawPathAndQuery, Headers headers, String keyId, byte[] key, Instant now) {
        if (headers.keyId() == null || headers.timestamp() == null || headers.nonce() == null
                || headers.contentSha256() == null || headers.signature() == null) {
            return Verdict.MISSING_HEADERS;
        }
        if (!RequestSignature.sameDigest(keyId, headers.keyId().strip())) {
            return Verdict.WRONG_KEY_ID;
        }
        Optional<Instant> timestamp = RequestSignature.parseTimestamp(headers.timestamp());
        if (timestamp.isEmpty()) {
            return Verdict.BAD_TIMESTAMP;
        }
        if (!withinWindow(timestamp.get(), now)) {
            return Verdict.STALE_TIMESTAMP;
        }
        if (!RequestSignature.isValidNonce(headers.nonce())) {
            return Verdict.BAD_NONCE;
        }
        if (!RequestSignature.isValidContentSha256(headers.contentSha256())) {
            return Verdict.BAD_CONTENT_DIGEST;
        }
        if (!RequestSignature.isValidMethod(method) || rawPathAndQuery.indexOf('\n') >= 0
                || rawPathAndQuery.indexOf('\r') >= 0) {
            return Verdict.BAD_SIGNATURE;
        }
        String canonical = RequestSignature.canonical(method, rawPathAndQuery, headers.timestamp(), headers.nonce(),
                headers.contentSha256());
        return RequestSignature.verify(key, canonical, headers.signature()) ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }

    /** Whether a request stamped {@code timestamp} may be accepted at {@code now} (inclusive bounds). */
    public boolean withinWindow(Instant timestamp, Instant now) {
        return !timestamp.isBefore(now.minus(window)) && !timestamp.isAfter(now.plus(window));
    }

    /**
     * How long a nonce must be remembered: until its timestamp leaves the window, after which the
     * timestamp alone refuses a replay.
     */
    public Instant nonceExpiry(Instant timestamp) {
        return timestamp.plus(window);
    }

    public Duration window() {
        return window;
    }
}
