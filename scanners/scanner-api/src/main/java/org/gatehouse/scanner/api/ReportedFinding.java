package org.gatehouse.scanner.api;

import java.util.Objects;
import java.util.Optional;

/** One finding as a report states it (the tracked record is the core's {@code Finding}). */
public record ReportedFinding(String tool, String toolVersion, String ruleId, String title, Severity severity,
        Optional<Integer> cwe, Location location, String description, Fingerprint fingerprint,
        Optional<Suppression> suppression) {

    public ReportedFinding {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(fingerprint, "fingerprint");
        title = title == null || title.isBlank() ? ruleId : title;
        description = description == null ? "" : description;
    }
}
