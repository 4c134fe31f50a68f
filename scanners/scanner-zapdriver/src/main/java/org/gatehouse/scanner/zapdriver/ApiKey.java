package org.gatehouse.scanner.zapdriver;

import java.util.Objects;

/** The ZAP API key: a secret that never appears in {@code toString()}, a log line or an error message. */
public record ApiKey(String value) {
    static final String MASK = "****";

    public ApiKey {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("the ZAP API key is blank (ZAP's API needs one unless disabled)");
        }
    }

    @Override
    public String toString() {
        return MASK;
    }
}
