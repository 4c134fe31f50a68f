package org.gatehouse.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset-pagination cursor: the sort key values of the last row of a page, tagged with
 * the listing they belong to. Encoded as unpadded base64url of {@code listing|v1|v2...} with each
 * value percent-escaped, so values may contain any character. A cursor is not a secret and not
 * signed: a forged cursor can only select a different starting key of a listing the caller may read
 * anyway; a malformed one is rejected with {@link InvalidCursor}.
 */
public record PageCursor(String listing, List<String> keys) {
    private static final char SEPARATOR = '|';

    public PageCursor {
        if (listing == null || listing.isEmpty() || keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("a cursor needs a listing and at least one key");
        }
        keys = List.copyOf(keys);
    }

    public static PageCursor of(String listing, String... keys) {
        return new PageCursor(listing, List.of(keys));
    }

    public String encode() {
        StringBuilder raw = new StringBuilder(escape(listing));
        for (String key : keys) {
            raw.append(SEPARATOR).append(escape(key));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor for the given listing with the expected number of keys.
     *
     * @throws InvalidCursor when the text is not a cursor of that listing and shape
     */
    public static PageCursor decode(String encoded, String listing, int keyCount) {
        if (encoded == null || encoded.length() > 1024) {
            throw new InvalidCursor();
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursor();
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= raw.length(); i++) {
            if (i == raw.length() || raw.charAt(i) == SEPARATOR) {
                parts.add(unescape(raw.substring(start, i)));
                start = i + 1;
            }
        }
        if (parts.size() != keyCount + 1 || !listing.equals(parts.get(0))) {
            throw new InvalidCursor();
        }
        return new PageCursor(listing, parts.subList(1, parts.size()));
    }

    public String key(int index) {
        return keys.get(index);
    }

    private static String escape(String value) {
        return value.replace("%", "%25").replace("|", "%7C");
    }

    private static String unescape(String value) {
        if (value.contains("%") && !value.matches("([^%]|%25|%7C)*")) {
            throw new InvalidCursor();
        }
        return value.replace("%7C", "|").replace("%25", "%");
    }
}
