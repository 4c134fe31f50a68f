package org.gatehouse.scanner.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One finding as a report states it (the tracked record is the core's {@code Finding}).
 *
 * <p>{@code details} are what the tool says about the finding beyond the common fields, by a
 * stable key: ordered as the plugin put them, at most {@value #MAX_DETAILS} entries, keys in
 * lowercase kebab-case, values trimmed, blank values left out and each value cut to
 * {@value #MAX_DETAIL_LENGTH} characters. They are never part of the {@link #fingerprint()}. The
 * keys the plugins give:
 * <ul>
 * <li>ZAP (per instance): {@code plugin-id}, {@code alert-ref} (when it differs from the plugin id),
 * {@code risk} and {@code confidence} (ZAP's words, e.g. "High", "Medium"), {@code wasc} (the
 * WASC threat id), {@code attack}, {@code evidence}, {@code other-info}.</li>
 * <li>SpotBugs: {@code category} (e.g. "SECURITY"), {@code priority} (1 high … 3 low, as SpotBugs
 * writes it), {@code rank} (1 scariest … 20), {@code abbrev} (the bug pattern's abbreviation).</li>
 * </ul>
 * A finding without details has an empty map.
 */
public record ReportedFinding(String tool, String toolVersion, String ruleId, String title, Severity severity,
        Optional<Integer> cwe, Location location, String description, Fingerprint fingerprint,
        Optional<Suppression> suppression, Map<String, String> details) {

    /** The most details one finding carries. */
    public static final int MAX_DETAILS = 16;
    /** The longest value of one detail, in characters; longer values are cut. */
    public static final int MAX_DETAIL_LENGTH = 4_000;
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public ReportedFinding {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(fingerprint, "fingerprint");
        title = title == null || title.isBlank() ? ruleId : title;
        description = description == null ? "" : description;
        details = details == null || details.isEmpty() ? Map.of() : checked(details);
    }

    /** A finding without details. */
    public ReportedFinding(String tool, String toolVersion, String ruleId, String title, Severity severity,
            Optional<Integer> cwe, Location location, String description, Fingerprint fingerprint,
            Optional<Suppression> suppression) {
        this(tool, toolVersion, ruleId, title, severity, cwe, location, description, fingerprint, suppression, Map.of());
    }

    /** This finding with the given details instead of its own (same rules as the constructor). */
    public ReportedFinding withDetails(Map<String, String> details) {
        return new ReportedFinding(tool, toolVersion, ruleId, title, severity, cwe, location, description, fingerprint,
                suppression, details);
    }

    /**
     * The details kept in order, trimmed, blank ones left out, long ones cut.
     *
     * @throws IllegalArgumentException a key that is not lowercase kebab-case, or too many details
     *     (both are a plugin's mistake, not a report's)
     */
    private static Map<String, String> checked(Map<String, String> details) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Map.Entry<String, String> detail : details.entrySet()) {
            String key = detail.getKey();
            if (key == null || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("a detail key is lowercase kebab-case: " + key);
            }
            String value = detail.getValue() == null ? "" : detail.getValue().strip();
            if (!value.isEmpty()) {
                kept.put(key, cut(value));
            }
        }
        if (kept.size() > MAX_DETAILS) {
            throw new IllegalArgumentException("more than " + MAX_DETAILS + " details: " + kept.keySet());
        }
        return kept.isEmpty() ? Map.of() : Collections.unmodifiableMap(kept);
    }

    /** At most {@link #MAX_DETAIL_LENGTH} characters, never half a surrogate pair. */
    private static String cut(String value) {
        if (value.length() <= MAX_DETAIL_LENGTH) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(MAX_DETAIL_LENGTH - 1)) ? MAX_DETAIL_LENGTH - 1 : MAX_DETAIL_LENGTH;
        return value.substring(0, end);
    }
}
