package org.gatehouse.platform.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class Uuid7Test {

    @Test
    void carriesVersionVariantAndTimestamp() {
        Instant at = Instant.parse("2026-11-25T12:00:00.123Z");
        UUID id = Uuid7.next(Clock.fixed(at, ZoneOffset.UTC));
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(at.toEpochMilli(), id.getMostSignificantBits() >>> 16);
    }

    @Test
    void laterMillisecondsSortAfterEarlierOnesAndIdsAreUnique() {
        Instant t = Instant.parse("2026-11-25T12:00:00Z");
        UUID earlier = Uuid7.next(Clock.fixed(t, ZoneOffset.UTC));
        UUID later = Uuid7.next(Clock.fixed(t.plusMillis(1), ZoneOffset.UTC));
        assertTrue(earlier.toString().compareTo(later.toString()) < 0);

        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(Uuid7.next()));
        }
    }
}
