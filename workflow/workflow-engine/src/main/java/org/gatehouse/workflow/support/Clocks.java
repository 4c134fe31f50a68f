package org.gatehouse.workflow.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The one clock every component asks for the time, so that time can be fixed in tests. */
@ApplicationScoped
public class Clocks {
    /** Now in UTC at PostgreSQL's precision (microseconds), so a value reads back exactly as written. */
    public static OffsetDateTime nowUtc(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    @Produces
    @ApplicationScoped
    Clock utc() {
        return Clock.systemUTC();
    }
}
