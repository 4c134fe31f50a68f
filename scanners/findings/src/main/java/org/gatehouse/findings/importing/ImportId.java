package org.gatehouse.findings.importing;

import java.util.Optional;
import java.util.UUID;
import org.gatehouse.platform.id.Uuids;

/** The identity of one report import. */
public record ImportId(UUID value) {
    public ImportId {
        if (value == null) {
            throw new IllegalArgumentException("an import id needs a value");
        }
    }

    public static Optional<ImportId> parse(String text) {
        return Uuids.parse(text).map(ImportId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
