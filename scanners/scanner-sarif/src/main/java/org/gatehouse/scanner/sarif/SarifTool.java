package org.gatehouse.scanner.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run's tool: its name and version, and the rules of its driver and of its extensions (SARIF
 * §3.18, §3.19.23) with title, CWE, default level and security severity.
 */
record SarifTool(String name, String version, Component driver, List<Component> extensions) {
    private static final Pattern CWE = Pattern.compile("(?i)cwe[-/:_ ]?0*(\\d{1,5})");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,5}");

    /** The driver or an extension, and its rules by index and by id. */
    record Component(String name, String guid, List<Rule> rulesByIndex, Map<String, Rule> rulesById) {
        static Component of(JsonNode component) {
            List<Rule> byIndex = new ArrayList<>();
            Map<String, Rule> byId = new HashMap<>();
            for (JsonNode rule : component.path("rules")) {
                Rule parsed = SarifTool.rule(rule);
                byIndex.add(parsed);
                byId.putIfAbsent(parsed.id(), parsed);
            }
            return new Component(text(component, "name").orElse(""), text(component, "guid").orElse(""), byIndex, byId);
        }

        Optional<Rule> rule(String id, int index) {
            if (index >= 0 && index < rulesByIndex.size()) {
                return Optional.of(rulesByIndex.get(index));
            }
            return Optional.ofNullable(id).map(rulesById::get);
        }
    }

    /**
     * What a rule says about its findings. {@code cwe} comes from what the rule itself names (a
     * relationship to a component named "CWE", a tag, {@code properties.cwe}); {@code taxonomyLinks}
     * are its relationships to a taxonomy named only by index or guid, read once the run's
     * taxonomies are known.
     */
    record Rule(String id, String title, Optional<Integer> cwe, List<SarifTaxonomies.Link> taxonomyLinks,
            Optional<String> defaultLevel, Optional<Double> securitySeverity) {
    }

    static SarifTool empty() {
        return new SarifTool("unknown", "", new Component("", "", List.of(), Map.of()), List.of());
    }

    static SarifTool of(JsonNode tool) {
        JsonNode driver = tool.path("driver");
        List<Component> extensions = new ArrayList<>();
        for (JsonNode extension : tool.path("extensions")) {
            extensions.add(Component.of(extension));
        }
        String version = text(driver, "semanticVersion").or(() -> text(driver, "version")).orElse("");
        return new SarifTool(text(driver, "name").orElse("unknown"), version, Component.of(driver), List.copyOf(extensions));
    }

    /**
     * The rule a result names (§3.27.5–3.27.7, §3.52): in the component its {@code rule.toolComponent}
     * names (an index into {@code tool.extensions}, a name or a guid), else in the driver; by index,
     * else by id. A rule id that the driver does not hold is looked for in the extensions too.
     */
    Optional<Rule> rule(String id, int index, JsonNode toolComponent) {
        Optional<Component> named = component(toolComponent);
        if (named.isPresent()) {
            Optional<Rule> rule = named.get().rule(id, index);
            if (rule.isPresent()) {
                return rule;
            }
        }
        Optional<Rule> rule = named.isPresent() ? driver.rule(id, -1) : driver.rule(id, index);
        if (rule.isPresent() || id == null) {
            return rule;
        }
        for (Component extension : extensions) {
            Optional<Rule> found = extension.rule(id, -1);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<Component> component(JsonNode reference) {
        if (!reference.isObject()) {
            return Optional.empty();
        }
        int index = reference.path("index").asInt(-1);
        if (index >= 0) {
            return index < extensions.size() ? Optional.of(extensions.get(index)) : Optional.empty();
        }
        Optional<String> guid = text(reference, "guid");
        Optional<String> name = text(reference, "name");
        for (Component component : allComponents()) {
            if (guid.isPresent() ? guid.get().equalsIgnoreCase(component.guid()) : name.filter(component.name()::equals).isPresent()) {
                return Optional.of(component);
            }
        }
        return Optional.empty();
    }

    private List<Component> allComponents() {
        List<Component> all = new ArrayList<>(extensions.size() + 1);
        all.add(driver);
        all.addAll(extensions);
        return all;
    }

    private static Rule rule(JsonNode rule) {
        String id = text(rule, "id").orElse("");
        String title = text(rule.path("shortDescription"), "text").or(() -> text(rule, "name")).orElse(id);
        JsonNode properties = rule.path("properties");
        List<SarifTaxonomies.Link> links = new ArrayList<>();
        Optional<Integer> cwe = Optional.empty();
        for (JsonNode relationship : rule.path("relationships")) {
            SarifTaxonomies.Link link = SarifTaxonomies.Link.of(relationship.path("target"));
            if (link.needsTaxonomies()) {
                links.add(link);
            } else if (cwe.isEmpty()) {
                cwe = link.cwe(SarifTaxonomies.NONE);
            }
        }
        if (cwe.isEmpty()) {
            cwe = cwe(properties);
        }
        return new Rule(id, title, cwe, List.copyOf(links), text(rule.path("defaultConfiguration"), "level"), score(properties));
    }

    /** CWE from a property bag: tags ("external/cwe/cwe-079", "CWE-79"), then {@code cwe} (79, "79", "CWE-79"). */
    static Optional<Integer> cwe(JsonNode properties) {
        if (properties.isEmpty()) {
            return Optional.empty(); // most results have no property bag: no regular expression runs for them
        }
        for (JsonNode tag : properties.path("tags")) {
            Optional<Integer> cwe = explicitCwe(tag.asText(""));
            if (cwe.isPresent()) {
                return cwe;
            }
        }
        JsonNode cwe = properties.path("cwe");
        if (cwe.isMissingNode() || cwe.isNull()) {
            return Optional.empty();
        }
        if (cwe.isNumber() && cwe.asInt() > 0) {
            return Optional.of(cwe.asInt());
        }
        return explicitCwe(cwe.asText("")).or(() -> number(cwe.asText("")));
    }

    /** A text that names a CWE: "CWE-79", "cwe_79", "external/cwe/cwe-079". */
    static Optional<Integer> explicitCwe(String text) {
        Matcher matcher = CWE.matcher(text);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))).filter(n -> n > 0) : Optional.empty();
    }

    static Optional<Double> score(JsonNode properties) {
        JsonNode value = properties.path("security-severity");
        if (value.isNumber()) {
            return Optional.of(value.asDouble());
        }
        try {
            return value.isTextual() ? Optional.of(Double.parseDouble(value.asText())) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A bare CWE number: 1 to 5 digits, not 0. */
    static Optional<Integer> number(String text) {
        String stripped = text.strip();
        return DIGITS.matcher(stripped).matches() ? Optional.of(Integer.parseInt(stripped)).filter(n -> n > 0)
                : Optional.empty();
    }

    /**
     * The index a reference gives into a list of its run ({@code artifactLocation.index} §3.4.5,
     * {@code logicalLocation.index} §3.33.2): empty when it gives none (no integer, or SARIF's
     * default -1); any other index is kept as given, for the list to refuse when out of range.
     */
    static OptionalLong index(JsonNode reference) {
        JsonNode index = reference.path("index");
        if (!index.isIntegralNumber() || index.canConvertToLong() && index.asLong() == -1) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(index.canConvertToLong() ? index.asLong() : Long.MAX_VALUE);
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
