package org.gatehouse.scanner.sarif;

import com.fasterxml.jackson.databind.JsonNode;
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
 * <li>Rule: by {@code ruleIndex}/{@code rule.index}, else by id, in the driver or in the extension
 * {@code rule.toolComponent} names.</li>
 * <li>CWE: the result's {@code taxa} (a taxon of the taxonomy named "CWE", by name, index or guid,
 * its id "79" or "CWE-79"), else the result's properties ({@code tags}, {@code cwe}), else the
 * rule's relationships to the CWE taxonomy, tags and {@code properties.cwe}.</li>
 * <li>Path: repository-relative through the run's {@code originalUriBaseIds} ({@link SarifBases}),
 * from the artifact location's uri or, when it gives only an index, from the run's artifact at
 * that index ({@link SarifArtifacts}); the logical location likewise
 * ({@link SarifLogicalLocations}).</li>
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
        Optional<String> ruleIdText = ruleIdText(result);
        Optional<SarifTool.Rule> rule = rule(run.tool(), result, ruleIdText);
        // SARIF allows results without a rule (Gitleaks 7 writes them): the message then names the kind of finding
        String ruleId = ruleIdText.or(() -> rule.map(SarifTool.Rule::id)).filter(id -> !id.isBlank())
                .or(() -> SarifTool.text(result.path("message"), "text").map(m -> m.length() > 200 ? m.substring(0, 200) : m))
                .orElseThrow(() -> new Invalid("a SARIF result without a rule and without a message"));
        Location location = location(result, run);
        String description = clip(SarifTool.text(result.path("message"), "text").orElse(""));
        return new ReportedFinding(run.tool().name(), run.tool().version(), ruleId,
                rule.map(SarifTool.Rule::title).orElse(ruleId), severity(result, rule), cwe(result, rule, run.taxonomies()),
                location, description, fingerprint(result, ruleId, location), suppression(result));
    }

    /**
     * Whether a result can be turned into a finding with what is known of its run so far: its tool;
     * the artifacts and logical locations when it names its location by index only; the bases and
     * taxonomies when its path or CWE depend on them.
     *
     * @throws Invalid a location index out of range of its run's list
     */
    static boolean ready(SarifRun run, JsonNode result) {
        if (!run.toolKnown()) {
            return false;
        }
        JsonNode artifact = result.path("locations").path(0).path("physicalLocation").path("artifactLocation");
        if (!run.artifactsKnown() && SarifArtifacts.byIndexOnly(artifact)
                || !run.logicalLocationsKnown() && SarifLogicalLocations.byIndexOnly(firstLogicalLocation(result))) {
            return false;
        }
        if (!run.basesKnown()) {
            Optional<SarifArtifacts.Location> where = run.artifacts().resolve(artifact);
            if (where.isPresent() && !SarifBases.independentOfBases(where.get().uri(), where.get().uriBaseId())) {
                return false;
            }
        }
        if (!run.taxonomiesKnown()) {
            for (JsonNode taxon : result.path("taxa")) {
                if (SarifTaxonomies.Link.of(taxon).needsTaxonomies()) {
                    return false;
                }
            }
            Optional<SarifTool.Rule> rule = rule(run.tool(), result, ruleIdText(result));
            return rule.map(r -> r.taxonomyLinks().isEmpty()).orElse(true);
        }
        return true;
    }

    private static Optional<String> ruleIdText(JsonNode result) {
        return SarifTool.text(result, "ruleId").or(() -> SarifTool.text(result.path("rule"), "id"));
    }

    private static Optional<SarifTool.Rule> rule(SarifTool tool, JsonNode result, Optional<String> ruleId) {
        int ruleIndex = result.path("ruleIndex").asInt(result.path("rule").path("index").asInt(-1));
        return tool.rule(ruleId.orElse(null), ruleIndex, result.path("rule").path("toolComponent"));
    }

    /** The result's own CWE (taxa, then properties), else its rule's. */
    static Optional<Integer> cwe(JsonNode result, Optional<SarifTool.Rule> rule, SarifTaxonomies taxonomies) {
        for (JsonNode taxon : result.path("taxa")) {
            Optional<Integer> cwe = SarifTaxonomies.Link.of(taxon).cwe(taxonomies);
            if (cwe.isPresent()) {
                return cwe;
            }
        }
        Optional<Integer> own = SarifTool.cwe(result.path("properties"));
        if (own.isPresent() || rule.isEmpty()) {
            return own;
        }
        for (SarifTaxonomies.Link link : rule.get().taxonomyLinks()) {
            Optional<Integer> cwe = link.cwe(taxonomies);
            if (cwe.isPresent()) {
                return cwe;
            }
        }
        return rule.get().cwe();
    }

    static Severity severity(JsonNode result, Optional<SarifTool.Rule> rule) {
        Optional<Double> score = SarifTool.score(result.path("properties")).or(() -> rule.flatMap(SarifTool.Rule::securitySeverity));
        if (score.isPresent()) {
            return Severity.ofScore(score.get());
        }
        String level = SarifTool.text(result, "level").or(() -> rule.flatMap(SarifTool.Rule::defaultLevel)).orElse("warning");
        return switch (level) {
            case "error" -> Severity.HIGH;
            case "note" -> Severity.LOW;
            case "none" -> Severity.INFO;
            default -> Severity.MEDIUM;
        };
    }

    /**
     * The first location: its path (the artifact location's uri, or that of the artifact its index
     * names, through the bases), its lines and its logical location (its own name, or that of the
     * run's logical location its index names).
     */
    private static Location location(JsonNode result, SarifRun run) {
        JsonNode physical = result.path("locations").path(0).path("physicalLocation");
        Optional<String> logical = run.logicalLocations().resolve(firstLogicalLocation(result));
        Optional<SarifArtifacts.Location> artifact = run.artifacts().resolve(physical.path("artifactLocation"));
        if (artifact.isEmpty()) {
            return logical.<Location>map(l -> new Location.Code("", OptionalInt.empty(), OptionalInt.empty(), Optional.of(l)))
                    .orElseGet(Location.None::new);
        }
        JsonNode region = physical.path("region");
        OptionalInt start = region.path("startLine").isInt() ? OptionalInt.of(region.path("startLine").asInt()) : OptionalInt.empty();
        OptionalInt end = region.path("endLine").isInt() ? OptionalInt.of(region.path("endLine").asInt()) : start;
        return new Location.Code(run.bases().path(artifact.get().uri(), artifact.get().uriBaseId()), start, end, logical);
    }

    private static JsonNode firstLogicalLocation(JsonNode result) {
        return result.path("locations").path(0).path("logicalLocations").path(0);
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
        String snippet = SarifTool.text(result.path("locations").path(0).path("physicalLocation").path("region").path("snippet"), "text")
                .orElse("");
        parts.append('\n').append(SPACES.matcher(snippet.strip()).replaceAll(" "));
        if (snippet.isBlank() && !(location instanceof Location.Code code && code.logical().isPresent())) {
            // nothing stable but the rule and the file: the message tells findings of one rule apart
            parts.append('\n').append(SarifTool.text(result.path("message"), "text").orElse(""));
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
                        SarifTool.text(suppression, "justification").map(SarifResults::clip)));
            }
        }
        return Optional.empty();
    }

    private static String clip(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

}
