package org.gatehouse.platform.time;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Time as Gatehouse stores it: UTC, at PostgreSQL's precision (microseconds), so it reads back as written. */
public final class UtcTime {
    private UtcTime() {
    }

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
