package org.gatehouse.findings.finding;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.gatehouse.scanner.api.Severity;
import org.gatehouse.workflow.api.ProtectionLevel;

/**
 * How long a finding of a severity may stay open (defaults: critical 7 days, high 30, medium 90,
 * low 180, info 365), per protection level. Configured as {@code gatehouse.sla.level-N} =
 * {@code critical=3,high=14,...}; severities left out keep their default.
 */
public final class SlaPolicy {
    private static final Map<Severity, Integer> DEFAULT_DAYS = Map.of(Severity.CRITICAL, 7, Severity.HIGH, 30,
            Severity.MEDIUM, 90, Severity.LOW, 180, Severity.INFO, 365);

    private final Map<ProtectionLevel, Map<Severity, Integer>> days;

    private SlaPolicy(Map<ProtectionLevel, Map<Severity, Integer>> days) {
        this.days = days;
    }

    public static SlaPolicy defaults() {
        return of(Map.of());
    }

    /**
     * @param overrides per level, the configured text ({@code critical=3,high=14})
     * @throws IllegalArgumentException when a text names an unknown severity or a non-positive number
     */
    public static SlaPolicy of(Map<ProtectionLevel, String> overrides) {
        Map<ProtectionLevel, Map<Severity, Integer>> days = new EnumMap<>(ProtectionLevel.class);
        for (ProtectionLevel level : ProtectionLevel.values()) {
            Map<Severity, Integer> perSeverity = new EnumMap<>(DEFAULT_DAYS);
            String text = overrides.getOrDefault(level, "");
            for (String pair : text.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                String[] parts = pair.split("=", 2);
                if (parts.length != 2) {
                    throw new IllegalArgumentException("SLA entry is not severity=days: " + pair);
                }
                Severity severity = Severity.valueOf(parts[0].strip().toUpperCase(Locale.ROOT));
                int value = Integer.parseInt(parts[1].strip());
                if (value < 1 || value > 3650) {
                    throw new IllegalArgumentException("SLA days must be 1..3650: " + pair);
                }
                perSeverity.put(severity, value);
            }
            days.put(level, perSeverity);
        }
        return new SlaPolicy(days);
    }

    public Duration allowed(ProtectionLevel level, Severity severity) {
        return Duration.ofDays(days.get(level).get(severity));
    }

    public int days(ProtectionLevel level, Severity severity) {
        return days.get(level).get(severity);
    }
}
