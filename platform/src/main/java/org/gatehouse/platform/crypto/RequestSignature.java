package org.gatehouse.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Request signatures of the CI push API (TC260 7.8.3-dn/do, ADR 0012), shared by the server and the
 * CLI so that both build the same bytes. A signed request carries {@value #KEY_ID},
 * {@value #TIMESTAMP} (RFC 3339 or epoch seconds), {@value #NONCE} (16–64 of {@code A-Z a-z 0-9 . _ ~ -}),
 * {@value #CONTENT_SHA256} (lower-case hex SHA-256 of the body; {@link #EMPTY_SHA256} without one) and
 * {@value #SIGNATURE}: base64 of HMAC-SHA256 under the token's key over the canonical string
 * <pre>METHOD \n PATH[?QUERY] \n timestamp \n nonce \n content-sha256</pre>
 * with the path and query exactly as sent (still percent-encoded). No header value may hold a line
 * break, so the canonical string has one reading.
 */
public final class RequestSignature {
    public static final String KEY_ID = "X-Gatehouse-Key-Id";
    public static final String TIMESTAMP = "X-Gatehouse-Timestamp";
    public static final String NONCE = "X-Gatehouse-Nonce";
    public static final String CONTENT_SHA256 = "X-Gatehouse-Content-SHA256";
    public static final String SIGNATURE = "X-Gatehouse-Signature";
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final Pattern NONCE_SYNTAX = Pattern.compile("[A-Za-z0-9._~-]{16,64}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,12}");
    private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");

    private RequestSignature() {
    }

    /** The string that is signed; refuses parts that could make it ambiguous. */
    public static String canonical(String method, String rawPathAndQuery, String timestamp, String nonce,
            String contentSha256) {
        for (String part : new String[] {method, rawPathAndQuery, timestamp, nonce, contentSha256}) {
            if (part == null || part.indexOf('\n') >= 0 || part.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a part of the canonical request is missing or holds a line break");
            }
        }
        return method.toUpperCase(Locale.ROOT) + "\n" + rawPathAndQuery + "\n" + timestamp + "\n" + nonce + "\n"
                + contentSha256.toLowerCase(Locale.ROOT);
    }

    /** Base64 of HMAC-SHA256 of the canonical string under the key. */
    public static String sign(byte[] key, String canonical) {
        return Base64.getEncoder().encodeToString(hmac(key, canonical));
    }

    /** Whether the signature (base64) is the key's over the canonical string; compared in constant time. */
    public static boolean verify(byte[] key, String canonical, String signature) {
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(signature == null ? "" : signature.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(key, canonical), presented);
    }

    /** Epoch seconds or an RFC 3339 date-time with offset; empty when it is neither. */
    public static Optional<Instant> parseTimestamp(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip();
        if (EPOCH_SECONDS.matcher(text).matches()) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(text)));
        }
        if (text.length() > 40) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static boolean isValidNonce(String nonce) {
        return nonce != null && NONCE_SYNTAX.matcher(nonce).matches();
    }

    public static boolean isValidContentSha256(String hex) {
        return hex != null && HEX_SHA256.matcher(hex).matches();
    }

    public static boolean isValidMethod(String method) {
        return method != null && METHOD.matcher(method).matches();
    }

    /** Whether two hex digests are equal, in constant time (lower-case expected). */
    public static boolean sameDigest(String expectedHex, String presentedHex) {
        return presentedHex != null && MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
                presentedHex.getBytes(StandardCharsets.US_ASCII));
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String canonical) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("an HMAC key has at least 16 bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
