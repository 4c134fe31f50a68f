package org.gatehouse.scanner.gitleaks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalInt;
import org.gatehouse.scanner.api.Fingerprint;
import org.gatehouse.scanner.api.Location;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.Severity;

/**
 * One Gitleaks 8 leak, reduced to what may be kept. Identity ({@code gitleaks:v1}): the rule and the
 * file's normalised path — not the line (it shifts), not the commit (the same leak in several
 * commits of the history is one finding with several occurrences) and not the secret: Gatehouse
 * keeps no secret, not even a hash of one, which a weak password could be guessed back from. Two
 * different secrets of one rule in one file are therefore one finding until both are gone, which
 * is what "no secret of this kind in this file" means. Every leak is high severity, CWE-798.
 */
record GitleaksLeak(String ruleId, String description, String path, OptionalInt startLine, OptionalInt endLine,
        String commit, String date) {
    private static final int MAX_TEXT = 2_000;

    static Optional<GitleaksLeak> of(JsonNode leak) {
        String rule = text(leak, "RuleID");
        String file = text(leak, "File");
        if (rule.isBlank() || file.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new GitleaksLeak(rule, text(leak, "Description"), normalised(file), line(leak, "StartLine"),
                line(leak, "EndLine"), text(leak, "Commit"), text(leak, "Date")));
    }

    ReportedFinding toFinding() {
        String title = (description.isBlank() ? ruleId : description) + " secret in source";
        StringBuilder text = new StringBuilder("Gitleaks rule ").append(ruleId).append(" matched a secret in ").append(path);
        startLine.ifPresent(line -> text.append(", line ").append(line));
        if (!commit.isBlank()) {
            text.append(", commit ").append(commit, 0, Math.min(12, commit.length()));
        }
        if (!date.isBlank()) {
            text.append(" (").append(date).append(')');
        }
        text.append(". Revoke and rotate the credential, then remove it from the code and its history; the secret"
                + " itself is not stored by Gatehouse.");
        return new ReportedFinding("Gitleaks", "", ruleId, title, Severity.HIGH, Optional.of(798),
                new Location.Code(path, startLine, endLine, Optional.empty()), text.toString(),
                Fingerprint.of("gitleaks:v1", ruleId + "\n" + path), Optional.empty());
    }

    /** Forward slashes, no leading {@code ./} or {@code /}: Gitleaks prints paths relative to what it scanned. */
    static String normalised(String file) {
        String path = file.replace('\\', '/');
        while (path.startsWith("./") || path.startsWith("/")) {
            path = path.substring(path.startsWith("./") ? 2 : 1);
        }
        return path;
    }

    private static String text(JsonNode leak, String field) {
        JsonNode value = leak.get(field);
        if (value == null || !value.isTextual()) {
            return "";
        }
        String text = value.asText().strip();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    private static OptionalInt line(JsonNode leak, String field) {
        JsonNode value = leak.get(field);
        return value != null && value.canConvertToInt() && value.asInt() > 0 ? OptionalInt.of(value.asInt())
                : OptionalInt.empty();
    }
}
