package org.gatehouse.scanner.api;

import java.util.Objects;

/** A digest of a component as a bill of materials states it (e.g. {@code SHA-256}, hex). */
public record ComponentHash(String algorithm, String value) {
    public ComponentHash {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return algorithm + ":" + value;
    }
}
