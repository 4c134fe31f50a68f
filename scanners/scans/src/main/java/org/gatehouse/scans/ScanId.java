package org.gatehouse.scans;

import java.util.Optional;
import java.util.UUID;
import org.gatehouse.platform.id.Uuids;

/** The identity of a scan. */
public record ScanId(UUID value) {
    public ScanId {
        if (value == null) {
            throw new IllegalArgumentException("a scan id needs a value");
        }
    }

    public static Optional<ScanId> parse(String text) {
        return Uuids.parse(text).map(ScanId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
