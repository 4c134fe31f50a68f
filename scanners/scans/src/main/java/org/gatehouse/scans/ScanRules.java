package org.gatehouse.scans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.scanner.worker.Effort;
import org.gatehouse.scanner.worker.RuleSet;

/**
 * What a white-box scan reports, as the API takes it (B.1.3.1-if): SpotBugs bug categories (default
 * {@code SECURITY}: Find Security Bugs and Gatehouse's detectors), include and exclude rules, and the lowest
 * confidence. A rule matches by bug pattern, category, package (with its subpackages) and class, all it names at
 * once; a bug is reported when it matches some include rule (if there are any) and no exclude rule. Gatehouse
 * validates the rules and writes the SpotBugs filter files itself: raw filter XML is never accepted. The canonical
 * JSON ({@link #toJson()}) is recorded with the scan.
 */
public record ScanRules(Set<String> categories, List<Match> include, List<Match> exclude, String confidence) {
    public static final int MAX_RULES = 50;
    public static final int MAX_JSON_CHARS = 16 * 1024;
    static final Set<String> CATEGORIES = Set.of("SECURITY", "CORRECTNESS", "BAD_PRACTICE", "PERFORMANCE",
            "MALICIOUS_CODE", "MT_CORRECTNESS", "STYLE", "I18N", "EXPERIMENTAL");
    private static final Set<String> CONFIDENCES = Set.of("high", "medium", "low");
    private static final Pattern BUG_PATTERN = Pattern.compile("[A-Z][A-Z0-9_]{1,99}");
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One include or exclude rule: every part it names must match. */
    public record Match(Optional<String> bugPattern, Optional<String> category, Optional<String> packageName,
            Optional<String> className) {
        boolean empty() {
            return bugPattern.isEmpty() && category.isEmpty() && packageName.isEmpty() && className.isEmpty();
        }
    }

    public ScanRules {
        categories = Set.copyOf(new TreeSet<>(categories));
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        if (categories.isEmpty() || !CATEGORIES.containsAll(categories)) {
            throw new Invalid("scan.rules-value", "categories");
        }
        if (!CONFIDENCES.contains(confidence)) {
            throw new Invalid("scan.rules-value", "confidence");
        }
        check("include", include);
        check("exclude", exclude);
    }

    /** The default: the SECURITY category, no filters, medium confidence. */
    public static ScanRules defaults() {
        return new ScanRules(Set.of("SECURITY"), List.of(), List.of(), "medium");
    }

    /**
     * Reads rules given as a JSON object: {@code {"categories":["SECURITY"], "include":[{"package":"com.shop"}],
     * "exclude":[{"bugPattern":"PREDICTABLE_RANDOM"}], "confidence":"medium"}}; every member is optional.
     *
     * @throws Invalid when it is not such an object, names an unknown member or breaks a rule
     */
    public static ScanRules fromJson(String json) {
        if (json == null || json.length() > MAX_JSON_CHARS) {
            throw new Invalid("scan.rules-malformed", MAX_JSON_CHARS);
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new Invalid("scan.rules-malformed", MAX_JSON_CHARS);
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("scan.rules-malformed", MAX_JSON_CHARS);
        }
        known(root, "", Set.of("categories", "include", "exclude", "confidence"));
        Set<String> categories = new TreeSet<>();
        JsonNode given = root.get("categories");
        if (given == null || given.isNull()) {
            categories.addAll(defaults().categories());
        } else {
            for (JsonNode category : array(given, "categories", CATEGORIES.size())) {
                categories.add(text(category, "categories").toUpperCase(Locale.ROOT));
            }
        }
        String confidence = Optional.ofNullable(root.get("confidence")).filter(n -> !n.isNull())
                .map(n -> text(n, "confidence").toLowerCase(Locale.ROOT)).orElse(defaults().confidence());
        return new ScanRules(categories, matches(root.get("include"), "include"), matches(root.get("exclude"), "exclude"),
                confidence);
    }

    /** The canonical JSON recorded with the scan (members in a fixed order, empty parts left out of rules). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode names = root.putArray("categories");
        categories.stream().sorted().forEach(names::add);
        write(root.putArray("include"), include);
        write(root.putArray("exclude"), exclude);
        root.put("confidence", confidence);
        return root.toString();
    }

    /** Writes the filter files into {@code directory} and gives the worker's rule set (maximal effort). */
    public RuleSet toRuleSet(Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> includes = new ArrayList<>();
        List<Path> excludes = new ArrayList<>();
        if (!include.isEmpty()) {
            includes.add(Files.writeString(directory.resolve("include.xml"), filterXml(include), StandardCharsets.UTF_8));
        }
        if (!exclude.isEmpty()) {
            excludes.add(Files.writeString(directory.resolve("exclude.xml"), filterXml(exclude), StandardCharsets.UTF_8));
        }
        return new RuleSet(categories, includes, excludes, Effort.MAX,
                RuleSet.Confidence.valueOf(confidence.toUpperCase(Locale.ROOT)));
    }

    /** A SpotBugs filter file: one {@code Match} per rule, its parts and-ed; values escaped although validated. */
    static String filterXml(List<Match> matches) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FindBugsFilter>\n");
        for (Match match : matches) {
            xml.append("  <Match>\n");
            match.bugPattern().ifPresent(p -> xml.append("    <Bug pattern=\"").append(escape(p)).append("\"/>\n"));
            match.category().ifPresent(c -> xml.append("    <Bug category=\"").append(escape(c)).append("\"/>\n"));
            match.packageName().ifPresent(p -> xml.append("    <Package name=\"~")
                    .append(escape(p.replace(".", "\\.").replace("$", "\\$"))).append("(\\..*)?\"/>\n"));
            match.className().ifPresent(c -> xml.append("    <Class name=\"").append(escape(c)).append("\"/>\n"));
            xml.append("  </Match>\n");
        }
        return xml.append("</FindBugsFilter>\n").toString();
    }

    private static void check(String list, List<Match> matches) {
        if (matches.size() > MAX_RULES) {
            throw new Invalid("scan.rules-too-many", list, MAX_RULES);
        }
        for (int i = 0; i < matches.size(); i++) {
            Match match = matches.get(i);
            String at = list + "[" + i + "]";
            if (match.empty()) {
                throw new Invalid("scan.rules-empty-match", at);
            }
            if (match.bugPattern().filter(p -> !BUG_PATTERN.matcher(p).matches()).isPresent()) {
                throw new Invalid("scan.rules-value", at + ".bugPattern");
            }
            if (match.category().filter(c -> !CATEGORIES.contains(c)).isPresent()) {
                throw new Invalid("scan.rules-value", at + ".category");
            }
            if (match.packageName().filter(p -> p.length() > 300 || !PACKAGE.matcher(p).matches()).isPresent()) {
                throw new Invalid("scan.rules-value", at + ".package");
            }
            if (match.className().filter(c -> c.length() > 300 || !PACKAGE.matcher(c).matches()).isPresent()) {
                throw new Invalid("scan.rules-value", at + ".class");
            }
        }
    }

    private static List<Match> matches(JsonNode node, String list) {
        List<Match> matches = new ArrayList<>();
        if (node == null || node.isNull()) {
            return matches;
        }
        int i = 0;
        for (JsonNode rule : array(node, list, MAX_RULES)) {
            String at = list + "[" + i++ + "]";
            if (!rule.isObject()) {
                throw new Invalid("scan.rules-value", at);
            }
            known(rule, at + ".", Set.of("bugPattern", "category", "package", "class"));
            matches.add(new Match(member(rule, "bugPattern", at), member(rule, "category", at)
                    .map(c -> c.toUpperCase(Locale.ROOT)), member(rule, "package", at), member(rule, "class", at)));
        }
        return matches;
    }

    private static Optional<String> member(JsonNode rule, String name, String at) {
        JsonNode value = rule.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(text(value, at + "." + name));
    }

    private static Iterable<JsonNode> array(JsonNode node, String name, int max) {
        if (!node.isArray()) {
            throw new Invalid("scan.rules-value", name);
        }
        if (node.size() > max) {
            throw new Invalid("scan.rules-too-many", name, max);
        }
        return node;
    }

    private static String text(JsonNode node, String at) {
        if (!node.isTextual()) {
            throw new Invalid("scan.rules-value", at);
        }
        return node.asText().strip();
    }

    private static void known(JsonNode object, String prefix, Set<String> names) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
            String name = fields.next().getKey();
            if (!names.contains(name)) {
                throw new Invalid("scan.rules-unknown", prefix + name.substring(0, Math.min(name.length(), 50)));
            }
        }
    }

    private static void write(ArrayNode array, List<Match> matches) {
        for (Match match : matches) {
            ObjectNode rule = array.addObject();
            match.bugPattern().ifPresent(v -> rule.put("bugPattern", v));
            match.category().ifPresent(v -> rule.put("category", v));
            match.packageName().ifPresent(v -> rule.put("package", v));
            match.className().ifPresent(v -> rule.put("class", v));
        }
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The rules are not valid. */
    public static final class Invalid extends DomainException {
        private static final long serialVersionUID = 1L;

        Invalid(String key, Object... arguments) {
            super(ProblemType.VALIDATION_FAILED, key, arguments);
        }
    }
}
