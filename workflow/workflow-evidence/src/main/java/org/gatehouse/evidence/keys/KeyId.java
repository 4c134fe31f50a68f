package org.gatehouse.evidence.keys;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The name of a sealing key inside an envelope: 1 to 64 characters of {@code [A-Za-z0-9._-]}. */
public record KeyId(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public KeyId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a key id is 1 to 64 characters of [A-Za-z0-9._-]");
        }
    }

    byte[] ascii() {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return value;
    }
}
