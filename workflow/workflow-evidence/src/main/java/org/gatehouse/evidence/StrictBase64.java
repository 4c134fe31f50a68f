package org.gatehouse.evidence;

import java.util.Base64;
import java.util.Optional;

/**
 * Standard base64 (RFC 4648 section 4, with padding) that accepts exactly one spelling per byte
 * string: the decoder refuses line breaks, missing padding and non-zero unused bits, so no text
 * outside a signature can be changed while still decoding to the same bytes.
 */
public final class StrictBase64 {
    private StrictBase64() {
    }

    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The bytes, or empty when the text is not the canonical base64 of any byte string. */
    public static Optional<byte[]> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return encode(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
