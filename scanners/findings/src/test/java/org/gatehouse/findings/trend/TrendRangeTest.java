package org.gatehouse.findings.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TrendRangeTest {
    private static final Instant NOW = Instant.parse("2026-12-01T20:30:00Z");

    @Test
    void daysEndTodayInTheCallersZone() {
        TrendRange shanghai = TrendRange.endingToday(7, "Asia/Shanghai", NOW);
        assertEquals(LocalDate.of(2026, 12, 2), shanghai.last(), "already the 2nd in Shanghai");
        assertEquals(LocalDate.of(2026, 11, 26), shanghai.first());
        assertEquals(7, shanghai.days());
        assertEquals(OffsetDateTime.of(2026, 11, 25, 16, 0, 0, 0, ZoneOffset.UTC), shanghai.start());
        assertEquals("Asia/Shanghai", shanghai.zoneName());
        TrendRange utc = TrendRange.endingToday(1, null, NOW);
        assertEquals(LocalDate.of(2026, 12, 1), utc.last());
        assertEquals("UTC", utc.zoneName());
    }

    @Test
    void rangesAreBoundedTo366Days() {
        assertEquals(366, TrendRange.endingToday(366, "UTC", NOW).days());
        assertThrows(InvalidTrendRange.class, () -> TrendRange.endingToday(367, "UTC", NOW));
        assertThrows(InvalidTrendRange.class, () -> TrendRange.endingToday(0, "UTC", NOW));
        assertThrows(InvalidTrendRange.class, () -> TrendRange.days("ten"));
        assertEquals(90, TrendRange.days(null));
        assertEquals(30, TrendRange.days(" 30 "));
        assertThrows(InvalidTrendRange.class,
                () -> new TrendRange(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 2), ZoneOffset.UTC));
    }

    @Test
    void onlyRegionZonesAreAccepted() {
        for (String zone : new String[] {"+08:00", "UTC+8", "GMT-5", "Mars/Olympus", "Europe/Berlin'; --", "a".repeat(65)}) {
            assertThrows(InvalidTrendRange.class, () -> TrendRange.endingToday(1, zone, NOW), zone);
        }
        assertEquals("Europe/Berlin", TrendRange.endingToday(1, "Europe/Berlin", NOW).zoneName());
    }
}
