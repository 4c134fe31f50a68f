package org.gatehouse.workflow.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.gatehouse.workflow.lifecycle.ActivityId;
import org.gatehouse.workflow.lifecycle.GateId;
import org.gatehouse.workflow.lifecycle.Phase;
import org.gatehouse.workflow.lifecycle.Route;
import org.gatehouse.workflow.lifecycle.Trigger;
import org.gatehouse.workflow.lifecycle.WorkflowDefinition;

/**
 * A workflow definition as data (issue 6, 8.1: "a project's workflow definition is versioned"; ADR 0023): the JSON
 * document {@code gatehouse-workflow/1} that is stored, shown and published, and its two directions.
 * <pre>
 * { "format": "gatehouse-workflow/1", "id": "sdl-level-2", "version": 1, "defaultFor": 2,
 *   "initialPhase": "REQUIREMENTS", "terminal": ["RELEASED"], "cancelTo": "CANCELLED",
 *   "routes": [ { "from": "REQUIREMENTS", "trigger": "advance", "to": "DESIGN", "gates": ["requirements.agreed"] },
 *               { "from": "DESIGN", "kind": "send-back", "to": "REQUIREMENTS" } ],
 *   "activities": { "TESTING": ["white-box-scan", "manual-security-test"] },
 *   "gateParameters": { "white-box.no-open-findings": { "threshold": "high" } } }
 * </pre>
 * Reading is strict: an unknown field, phase or kind is refused with its JSON pointer (a misspelt {@code "gate"}
 * must not silently drop a gate), and the result goes through the same validation as the built-in definitions
 * ({@link WorkflowDefinition.Builder#build()}). The id and the version come from the caller: the version is assigned
 * when the document is published.
 */
public final class DefinitionDocument {
    public static final String FORMAT = "gatehouse-workflow/1";
    static final int MAX_ROUTES = 100;
    static final int MAX_ITEMS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP = Set.of("format", "id", "version", "defaultFor", "initialPhase", "terminal",
            "cancelTo", "routes", "activities", "gateParameters");
    private static final Set<String> ROUTE = Set.of("from", "trigger", "to", "kind", "gates");
    private static final Set<String> THRESHOLDS = Set.of("critical", "high", "medium", "low", "info");

    private DefinitionDocument() {
    }

    /** The document of a definition; cancel routes collapse into {@code cancelTo}. */
    public static ObjectNode write(WorkflowDefinition definition) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("format", FORMAT);
        doc.put("id", definition.ref().id());
        doc.put("version", definition.ref().version());
        doc.put("defaultFor", definition.defaultFor().number());
        doc.put("initialPhase", definition.initialPhase().name());
        Optional<Phase> cancelTo = definition.routes().stream().filter(r -> r.kind() == Route.Kind.CANCEL)
                .map(Route::to).findFirst();
        ArrayNode terminal = doc.putArray("terminal");
        definition.terminalPhases().stream().filter(p -> cancelTo.map(c -> c != p).orElse(true))
                .forEach(p -> terminal.add(p.name()));
        cancelTo.ifPresent(c -> doc.put("cancelTo", c.name()));
        ArrayNode routes = doc.putArray("routes");
        for (Route route : definition.routes()) {
            if (route.kind() == Route.Kind.CANCEL) {
                continue;
            }
            ObjectNode r = routes.addObject();
            r.put("from", route.from().name());
            if (route.kind() == Route.Kind.SEND_BACK) {
                r.put("kind", "send-back");
            } else {
                r.put("trigger", route.trigger().name());
            }
            r.put("to", route.to().name());
            if (!route.gates().isEmpty()) {
                ArrayNode gates = r.putArray("gates");
                route.gates().forEach(g -> gates.add(g.value()));
            }
        }
        ObjectNode activities = doc.putObject("activities");
        for (Phase phase : definition.phases()) {
            Set<ActivityId> ids = definition.activities(phase);
            if (!ids.isEmpty()) {
                ArrayNode list = activities.putArray(phase.name());
                ids.forEach(a -> list.add(a.value()));
            }
        }
        ObjectNode parameters = doc.putObject("gateParameters");
        for (GateId gate : definition.gates()) {
            Map<String, String> values = definition.parameters(gate);
            if (!values.isEmpty()) {
                ObjectNode p = parameters.putObject(gate.value());
                values.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> p.put(e.getKey(), e.getValue()));
            }
        }
        return doc;
    }

    /** Parses the text of a document (at most a few dozen kilobytes; the caller limits the size). */
    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedDefinition("", "definition.malformed.json");
        }
    }

    /**
     * The definition {@code id} version {@code version} that {@code doc} describes, validated; a {@code version} or
     * {@code id} inside the document is ignored (the publisher's path and the store decide them).
     */
    public static WorkflowDefinition read(String id, int version, JsonNode doc) {
        object(doc, "");
        fields(doc, "", TOP);
        if (doc.has("format") && !FORMAT.equals(doc.get("format").asText())) {
            throw new MalformedDefinition("/format", "definition.malformed.format", FORMAT);
        }
        JsonNode level = required(doc, "defaultFor", "");
        if (!level.isInt() || level.asInt() < 1 || level.asInt() > ProtectionLevel.values().length) {
            throw new MalformedDefinition("/defaultFor", "definition.malformed.level");
        }
        ProtectionLevel defaultFor = ProtectionLevel.of(level.asInt());
        WorkflowDefinition.Builder builder = WorkflowDefinition.builder(id, version, defaultFor);
        if (doc.has("initialPhase")) {
            builder.startingAt(phase(doc.get("initialPhase"), "/initialPhase"));
        }
        List<Phase> terminal = new ArrayList<>();
        JsonNode terminals = required(doc, "terminal", "");
        array(terminals, "/terminal");
        for (int i = 0; i < terminals.size(); i++) {
            terminal.add(phase(terminals.get(i), "/terminal/" + i));
        }
        builder.terminal(terminal.toArray(Phase[]::new));
        JsonNode routes = required(doc, "routes", "");
        array(routes, "/routes");
        if (routes.size() > MAX_ROUTES) {
            throw new MalformedDefinition("/routes", "definition.malformed.too-many", MAX_ROUTES);
        }
        for (int i = 0; i < routes.size(); i++) {
            route(builder, routes.get(i), "/routes/" + i);
        }
        if (doc.has("activities")) {
            JsonNode activities = doc.get("activities");
            object(activities, "/activities");
            for (Iterator<Map.Entry<String, JsonNode>> it = activities.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                String at = "/activities/" + entry.getKey();
                Phase phase = phase(entry.getKey(), at);
                for (String activity : strings(entry.getValue(), at)) {
                    builder.activity(phase, activity);
                }
            }
        }
        if (doc.has("gateParameters")) {
            JsonNode parameters = doc.get("gateParameters");
            object(parameters, "/gateParameters");
            for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                builder.gate(entry.getKey(), parameters(entry.getValue(), "/gateParameters/" + entry.getKey()));
            }
        }
        if (doc.has("cancelTo")) {
            builder.cancelFromEveryActivePhase(phase(doc.get("cancelTo"), "/cancelTo"));
        }
        return builder.build();
    }

    private static void route(WorkflowDefinition.Builder builder, JsonNode route, String at) {
        object(route, at);
        fields(route, at, ROUTE);
        Phase from = phase(required(route, "from", at), at + "/from");
        Phase to = phase(required(route, "to", at), at + "/to");
        String kind = route.has("kind") ? text(route.get("kind"), at + "/kind") : "forward";
        List<String> gates = route.has("gates") ? strings(route.get("gates"), at + "/gates") : List.of();
        switch (kind) {
            case "forward" -> {
                String trigger = route.has("trigger") ? text(route.get("trigger"), at + "/trigger") : Trigger.ADVANCE.name();
                if (!Trigger.isWellFormed(trigger) || trigger.equals(Trigger.SEND_BACK.name())
                        || trigger.equals(Trigger.CANCEL.name())) {
                    throw new MalformedDefinition(at + "/trigger", "definition.malformed.trigger", trigger);
                }
                builder.permit(from, new Trigger(trigger), to, gates.toArray(String[]::new));
            }
            case "send-back" -> {
                if (!gates.isEmpty() || route.has("trigger")) {
                    throw new MalformedDefinition(at, "definition.malformed.send-back");
                }
                builder.sendBack(from, to);
            }
            default -> throw new MalformedDefinition(at + "/kind", "definition.malformed.kind", kind);
        }
    }

    private static Map<String, String> parameters(JsonNode node, String at) {
        object(node, at);
        if (node.size() > MAX_ITEMS) {
            throw new MalformedDefinition(at, "definition.malformed.too-many", MAX_ITEMS);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String value = text(entry.getValue(), at + "/" + entry.getKey());
            // the scan and vulnerability gates read it as the lowest severity that blocks
            if (entry.getKey().equals("threshold") && !THRESHOLDS.contains(value.toLowerCase(Locale.ROOT))) {
                throw new MalformedDefinition(at + "/threshold", "definition.malformed.threshold", value);
            }
            values.put(entry.getKey(), value);
        }
        return values;
    }

    private static Phase phase(JsonNode node, String at) {
        return phase(text(node, at), at);
    }

    private static Phase phase(String name, String at) {
        try {
            return Phase.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new MalformedDefinition(at, "definition.malformed.phase", name);
        }
    }

    private static List<String> strings(JsonNode node, String at) {
        array(node, at);
        if (node.size() > MAX_ITEMS) {
            throw new MalformedDefinition(at, "definition.malformed.too-many", MAX_ITEMS);
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            values.add(text(node.get(i), at + "/" + i));
        }
        return values;
    }

    private static String text(JsonNode node, String at) {
        if (!node.isTextual() || node.asText().length() > 200) {
            throw new MalformedDefinition(at, "definition.malformed.text");
        }
        return node.asText();
    }

    private static JsonNode required(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedDefinition(at + "/" + field, "definition.malformed.missing");
        }
        return value;
    }

    private static void object(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new MalformedDefinition(at, "definition.malformed.object");
        }
    }

    private static void array(JsonNode node, String at) {
        if (!node.isArray()) {
            throw new MalformedDefinition(at, "definition.malformed.array");
        }
    }

    private static void fields(JsonNode node, String at, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new MalformedDefinition(at + "/" + name, "definition.malformed.unknown-field");
            }
        }
    }
}
