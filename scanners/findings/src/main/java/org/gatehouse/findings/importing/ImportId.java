package org.gatehouse.findings.importing;

import java.util.Optional;
import java.util.UUID;

/** The identity of one report import. */
public record ImportId(UUID value) {
    public ImportId {
        if (value == null) {
            throw new IllegalArgumentException("an import id needs a value");
        }
    }

    public static Optional<ImportId> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ImportId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
