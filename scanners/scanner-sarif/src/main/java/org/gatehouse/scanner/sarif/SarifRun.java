package org.gatehouse.scanner.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One run's tool: its name and version, and its rules with title, CWE, default level and security severity. */
record SarifRun(String tool, String version, List<Rule> rulesByIndex, Map<String, Rule> rulesById) {
    private static final Pattern CWE = Pattern.compile("(?i)cwe[-/:_ ]?0*(\\d{1,5})");

    /** What a rule says about its findings. */
    record Rule(String id, String title, Optional<Integer> cwe, Optional<String> defaultLevel, Optional<Double> securitySeverity) {
    }

    static SarifRun empty() {
        return new SarifRun("unknown", "", List.of(), Map.of());
    }

    static SarifRun of(JsonNode tool) {
        JsonNode driver = tool.path("driver");
        List<Rule> byIndex = new ArrayList<>();
        Map<String, Rule> byId = new HashMap<>();
        for (JsonNode rule : driver.path("rules")) {
            Rule parsed = rule(rule);
            byIndex.add(parsed);
            byId.putIfAbsent(parsed.id(), parsed);
        }
        String version = text(driver, "semanticVersion").or(() -> text(driver, "version")).orElse("");
        return new SarifRun(text(driver, "name").orElse("unknown"), version, byIndex, byId);
    }

    Optional<Rule> rule(String id, int index) {
        if (index >= 0 && index < rulesByIndex.size()) {
            return Optional.of(rulesByIndex.get(index));
        }
        return Optional.ofNullable(id).map(rulesById::get);
    }

    private static Rule rule(JsonNode rule) {
        String id = text(rule, "id").orElse("");
        String title = text(rule.path("shortDescription"), "text").or(() -> text(rule, "name")).orElse(id);
        JsonNode properties = rule.path("properties");
        return new Rule(id, title, cwe(rule), text(rule.path("defaultConfiguration"), "level"), score(properties));
    }

    /** CWE from relationships to a CWE taxonomy, then tags ("external/cwe/cwe-079", "CWE-79"), then properties.cwe. */
    static Optional<Integer> cwe(JsonNode rule) {
        for (JsonNode relationship : rule.path("relationships")) {
            JsonNode target = relationship.path("target");
            String component = target.path("toolComponent").path("name").asText("");
            if (component.equalsIgnoreCase("CWE")) {
                Optional<Integer> id = number(target.path("id").asText(""));
                if (id.isPresent()) {
                    return id;
                }
            }
        }
        for (JsonNode tag : rule.path("properties").path("tags")) {
            Matcher matcher = CWE.matcher(tag.asText(""));
            if (matcher.find()) {
                return Optional.of(Integer.parseInt(matcher.group(1)));
            }
        }
        JsonNode cwe = rule.path("properties").path("cwe");
        if (cwe.isNumber()) {
            return Optional.of(cwe.asInt());
        }
        Matcher matcher = CWE.matcher(cwe.asText(""));
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : number(cwe.asText(""));
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

    private static Optional<Integer> number(String text) {
        return text.matches("\\d{1,5}") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
