package org.gatehouse.scanner.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.gatehouse.scanner.api.Fingerprint;
import org.gatehouse.scanner.api.Location;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.Severity;
import org.gatehouse.scanner.api.Suppression;

/**
 * One SARIF result to a reported finding.
 * <ul>
 * <li>Severity: {@code security-severity} (result, then rule) on GitHub's bands; else the level
 * (result, then the rule's default, then SARIF's default "warning"): error → high, warning →
 * medium, note → low, none → info.</li>
 * <li>Identity: the tool's {@code fingerprints} (all of them, sorted), else its
 * {@code partialFingerprints}, else derived ({@code derived:v1}): SHA-256 of rule, normalised
 * path, logical location and the whitespace-normalised snippet — never the line number, so a
 * line shift or another checkout prefix keeps the identity.</li>
 * <li>A result without a rule (allowed by SARIF; Gitleaks 7) is keyed by its message text.</li>
 * <li>A result with {@code suppressions} (not rejected) is imported as suppressed-in-source with
 * its justification.</li>
 * </ul>
 */
final class SarifResults {
    private static final java.util.regex.Pattern DRIVE = java.util.regex.Pattern.compile("[A-Za-z]:/");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private static final int MAX_TEXT = 20_000;

    private SarifResults() {
    }

    /** A result that does not make a finding (no rule at all). */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    static ReportedFinding toFinding(SarifRun run, JsonNode result) {
        if (!result.isObject()) {
            throw new Invalid("a SARIF result is an object");
        }
        int ruleIndex = result.path("ruleIndex").asInt(result.path("rule").path("index").asInt(-1));
        Optional<String> ruleIdText = SarifRun.text(result, "ruleId").or(() -> SarifRun.text(result.path("rule"), "id"));
        Optional<SarifRun.Rule> rule = run.rule(ruleIdText.orElse(null), ruleIndex);
        // SARIF allows results without a rule (Gitleaks 7 writes them): the message then names the kind of finding
        String ruleId = ruleIdText.or(() -> rule.map(SarifRun.Rule::id)).filter(id -> !id.isBlank())
                .or(() -> SarifRun.text(result.path("message"), "text").map(m -> m.length() > 200 ? m.substring(0, 200) : m))
                .orElseThrow(() -> new Invalid("a SARIF result without a rule and without a message"));
        Location location = location(result);
        String description = clip(SarifRun.text(result.path("message"), "text").orElse(""));
        return new ReportedFinding(run.tool(), run.version(), ruleId, rule.map(SarifRun.Rule::title).orElse(ruleId),
                severity(result, rule), rule.flatMap(SarifRun.Rule::cwe), location, description,
                fingerprint(result, ruleId, location), suppression(result));
    }

    static Severity severity(JsonNode result, Optional<SarifRun.Rule> rule) {
        Optional<Double> score = SarifRun.score(result.path("properties")).or(() -> rule.flatMap(SarifRun.Rule::securitySeverity));
        if (score.isPresent()) {
            return Severity.ofScore(score.get());
        }
        String level = SarifRun.text(result, "level").or(() -> rule.flatMap(SarifRun.Rule::defaultLevel)).orElse("warning");
        return switch (level) {
            case "error" -> Severity.HIGH;
            case "note" -> Severity.LOW;
            case "none" -> Severity.INFO;
            default -> Severity.MEDIUM;
        };
    }

    private static Location location(JsonNode result) {
        JsonNode first = result.path("locations").path(0);
        JsonNode physical = first.path("physicalLocation");
        Optional<String> logical = SarifRun.text(first.path("logicalLocations").path(0), "fullyQualifiedName")
                .or(() -> SarifRun.text(first.path("logicalLocations").path(0), "name"));
        Optional<String> uri = SarifRun.text(physical.path("artifactLocation"), "uri");
        if (uri.isEmpty()) {
            return logical.<Location>map(l -> new Location.Code("", OptionalInt.empty(), OptionalInt.empty(), Optional.of(l)))
                    .orElseGet(Location.None::new);
        }
        JsonNode region = physical.path("region");
        OptionalInt start = region.path("startLine").isInt() ? OptionalInt.of(region.path("startLine").asInt()) : OptionalInt.empty();
        OptionalInt end = region.path("endLine").isInt() ? OptionalInt.of(region.path("endLine").asInt()) : start;
        return new Location.Code(normalisePath(uri.get()), start, end, logical);
    }

    /**
     * A repository-relative path: no scheme, no percent-escapes, forward slashes, and for absolute
     * paths whatever precedes the first conventional source root ({@code src/}) dropped, so that
     * two checkouts in different directories agree.
     */
    static String normalisePath(String uri) {
        if (plainRelative(uri)) {
            return uri; // what URI parsing and the steps below would keep as it is, without parsing (most paths)
        }
        return parsed(uri);
    }

    /** {@link #normalisePath} by parsing the URI. */
    static String parsed(String uri) {
        String path = uri;
        try {
            URI parsed = URI.create(uri.replace(" ", "%20"));
            if (parsed.getScheme() != null && parsed.getScheme().equals("file")) {
                path = parsed.getPath();
            } else if (parsed.getScheme() == null) {
                path = parsed.getPath() == null ? uri : parsed.getPath();
            }
        } catch (IllegalArgumentException e) {
            path = uri;
        }
        path = path.replace('\\', '/');
        if (path.startsWith("/") || DRIVE.matcher(path).lookingAt()) {
            int source = path.indexOf("/src/");
            path = source >= 0 ? path.substring(source + 1) : path.substring(path.lastIndexOf('/') + 1);
        }
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        return path;
    }

    /**
     * A relative path of letters, digits, {@code / . _ -} only, not starting with {@code /} or {@code ./}: no scheme,
     * authority, query, fragment, escape, backslash or drive, so {@link #normalisePath} has nothing to change.
     */
    static boolean plainRelative(String uri) {
        if (uri.isEmpty() || uri.charAt(0) == '/' || uri.startsWith("./")) {
            return false;
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '.'
                    || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static Fingerprint fingerprint(JsonNode result, String ruleId, Location location) {
        Optional<String> own = sorted(result.path("fingerprints"));
        if (own.isPresent()) {
            return Fingerprint.of("sarif:fingerprints", ruleId + "\n" + own.get());
        }
        Optional<String> partial = sorted(result.path("partialFingerprints"));
        if (partial.isPresent()) {
            return Fingerprint.of("sarif:partialFingerprints", ruleId + "\n" + partial.get());
        }
        StringBuilder parts = new StringBuilder(ruleId);
        if (location instanceof Location.Code code) {
            parts.append('\n').append(code.path()).append('\n').append(code.logical().orElse(""));
        }
        String snippet = SarifRun.text(result.path("locations").path(0).path("physicalLocation").path("region").path("snippet"), "text")
                .orElse("");
        parts.append('\n').append(SPACES.matcher(snippet.strip()).replaceAll(" "));
        if (snippet.isBlank() && !(location instanceof Location.Code code && code.logical().isPresent())) {
            // nothing stable but the rule and the file: the message tells findings of one rule apart
            parts.append('\n').append(SarifRun.text(result.path("message"), "text").orElse(""));
        }
        return Fingerprint.of("derived:v1", parts.toString());
    }

    private static Optional<String> sorted(JsonNode fingerprints) {
        if (!fingerprints.isObject() || fingerprints.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> sorted = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = fingerprints.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            sorted.put(field.getKey(), field.getValue().asText(""));
        }
        return Optional.of(sorted.toString());
    }

    private static Optional<Suppression> suppression(JsonNode result) {
        for (JsonNode suppression : result.path("suppressions")) {
            String status = suppression.path("status").asText("accepted");
            if (!status.equals("rejected") && !status.equals("underReview")) {
                return Optional.of(new Suppression(suppression.path("kind").asText("inSource"),
                        SarifRun.text(suppression, "justification").map(SarifResults::clip)));
            }
        }
        return Optional.empty();
    }

    private static String clip(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

}
