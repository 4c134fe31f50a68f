package org.gatehouse.identity.access;

import java.util.UUID;

/** The identity of an account (person or service). */
public record AccountId(UUID value) {
    public AccountId {
        if (value == null) {
            throw new IllegalArgumentException("an account id needs a value");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
