package org.gatehouse.findings.trend;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The days a trend covers: {@code days} calendar days ending today in {@code zone} (a region id such as
 * {@code Asia/Shanghai}, so that PostgreSQL buckets by the same days), at most {@value #MAX_DAYS}.
 */
public record TrendRange(LocalDate first, LocalDate last, ZoneId zone) {
    public static final int MAX_DAYS = 366;

    public TrendRange {
        if (first.isAfter(last) || first.plusDays(MAX_DAYS - 1L).isBefore(last)) {
            throw InvalidTrendRange.days((int) Math.min(Integer.MAX_VALUE, Math.abs(last.toEpochDay() - first.toEpochDay()) + 1));
        }
    }

    /** Days as the API receives them (text); 90 when absent. */
    public static int days(String days) {
        if (days == null || days.isBlank()) {
            return 90;
        }
        try {
            return Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            throw InvalidTrendRange.days(-1);
        }
    }

    public static TrendRange endingToday(int days, String zone, Instant now) {
        if (days < 1 || days > MAX_DAYS) {
            throw InvalidTrendRange.days(days);
        }
        ZoneId id = zone(zone);
        LocalDate today = LocalDate.ofInstant(now, id);
        return new TrendRange(today.minusDays(days - 1L), today, id);
    }

    /** A region id (not an offset, whose sign PostgreSQL reads the other way round); UTC when blank. */
    static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            if (zone.length() > 64 || !zone.matches("[A-Za-z][A-Za-z0-9_+\\-/]*") || zone.matches("(?i)(UTC|GMT)?[+\\-].*")) {
                throw InvalidTrendRange.zone(zone);
            }
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw InvalidTrendRange.zone(zone);
        }
    }

    /** The zone's name as PostgreSQL knows it. */
    String zoneName() {
        return zone instanceof ZoneOffset ? "UTC" : zone.getId();
    }

    /** The start of the first day, as an instant: changes from here on are the range's. */
    OffsetDateTime start() {
        return first.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    public int days() {
        return (int) (last.toEpochDay() - first.toEpochDay() + 1);
    }
}
