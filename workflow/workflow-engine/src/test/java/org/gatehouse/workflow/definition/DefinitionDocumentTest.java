package org.gatehouse.workflow.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.gatehouse.workflow.lifecycle.DefaultDefinitions;
import org.gatehouse.workflow.lifecycle.DefinitionRule;
import org.gatehouse.workflow.lifecycle.GateId;
import org.gatehouse.workflow.lifecycle.InvalidWorkflowDefinition;
import org.gatehouse.workflow.lifecycle.Phase;
import org.gatehouse.workflow.lifecycle.Route;
import org.gatehouse.workflow.lifecycle.Trigger;
import org.gatehouse.workflow.lifecycle.WorkflowDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The {@code gatehouse-workflow/1} document (issue 6, 8.1: definitions are data and versioned; ADR 0023). */
class DefinitionDocumentTest {

    private static ObjectNode level2() {
        return DefinitionDocument.write(DefaultDefinitions.forLevel(ProtectionLevel.LEVEL_2));
    }

    private static MalformedDefinition malformed(JsonNode doc) {
        return assertThrows(MalformedDefinition.class, () -> DefinitionDocument.read("shop-strict", 1, doc));
    }

    @ParameterizedTest
    @EnumSource(ProtectionLevel.class)
    void everyBuiltInDefinitionSurvivesTheRoundTripUnchanged(ProtectionLevel level) {
        WorkflowDefinition original = DefaultDefinitions.forLevel(level);
        ObjectNode doc = DefinitionDocument.write(original);
        WorkflowDefinition read = DefinitionDocument.read(original.ref().id(), original.ref().version(), doc);

        assertEquals(doc, DefinitionDocument.write(read));
        assertEquals(original.ref(), read.ref());
        assertEquals(original.defaultFor(), read.defaultFor());
        assertEquals(original.initialPhase(), read.initialPhase());
        assertEquals(original.phases(), read.phases());
        assertEquals(original.terminalPhases(), read.terminalPhases());
        assertEquals(Set.copyOf(original.routes()), Set.copyOf(read.routes()));
        for (Phase phase : original.phases()) {
            assertEquals(original.activities(phase), read.activities(phase), phase.name());
        }
        for (GateId gate : original.gates()) {
            assertEquals(original.parameters(gate), read.parameters(gate), gate.value());
        }
    }

    @Test
    void aStricterVersionChangesOnlyWhatItSays() {
        ObjectNode doc = level2();
        ((ObjectNode) doc.get("gateParameters").get(DefaultDefinitions.WHITE_BOX_NO_OPEN_FINDINGS)).put("threshold", "medium");
        doc.put("id", "ignored-here").put("version", 99);

        WorkflowDefinition read = DefinitionDocument.read("sdl-level-2", 2, doc);

        assertEquals("sdl-level-2@2", read.ref().toString());
        assertEquals(Map.of("threshold", "medium"), read.parameters(new GateId(DefaultDefinitions.WHITE_BOX_NO_OPEN_FINDINGS)));
        assertEquals(Map.of("threshold", "high"), read.parameters(new GateId(DefaultDefinitions.BLACK_BOX_NO_OPEN_FINDINGS)));
        // cancelling stays possible from every active phase
        assertTrue(read.route(Phase.TESTING, Trigger.CANCEL).map(Route::to).filter(Phase.CANCELLED::equals).isPresent());
    }

    @Test
    void aMisspeltFieldIsRefusedWithItsPointerInsteadOfDroppingAGate() {
        ObjectNode doc = level2();
        ObjectNode route = (ObjectNode) doc.get("routes").get(0);
        route.set("gate", route.remove("gates"));

        assertEquals("/routes/0/gate", malformed(doc).pointer());
        assertEquals("/colour", malformed(level2().put("colour", "red")).pointer());
    }

    @Test
    void unknownPhasesKindsAndThresholdsAreRefused() {
        ObjectNode phase = level2();
        ((ObjectNode) phase.get("routes").get(1)).put("to", "QA");
        assertEquals("/routes/1/to", malformed(phase).pointer());

        ObjectNode kind = level2();
        ((ObjectNode) kind.get("routes").get(0)).put("kind", "teleport");
        assertEquals("/routes/0/kind", malformed(kind).pointer());

        ObjectNode threshold = level2();
        ((ObjectNode) threshold.get("gateParameters").get(DefaultDefinitions.WHITE_BOX_NO_OPEN_FINDINGS)).put("threshold", "severe");
        assertEquals("/gateParameters/" + DefaultDefinitions.WHITE_BOX_NO_OPEN_FINDINGS + "/threshold", malformed(threshold).pointer());

        ObjectNode level = level2().put("defaultFor", 4);
        assertEquals("/defaultFor", malformed(level).pointer());

        ObjectNode format = level2().put("format", "bpmn/2");
        assertEquals("/format", malformed(format).pointer());
    }

    @Test
    void theEngineOwnTriggersCannotBeForgedAsForwardRoutes() {
        ObjectNode cancel = level2();
        ((ObjectNode) cancel.get("routes").get(0)).put("trigger", "cancel");
        assertEquals("/routes/0/trigger", malformed(cancel).pointer());

        ObjectNode sendBackWithGates = level2();
        ArrayNode routes = (ArrayNode) sendBackWithGates.get("routes");
        for (JsonNode route : routes) {
            if ("send-back".equals(route.path("kind").asText())) {
                ((ObjectNode) route).putArray("gates").add("requirements.agreed");
                break;
            }
        }
        assertTrue(malformed(sendBackWithGates).pointer().startsWith("/routes/"));
    }

    @Test
    void wrongShapesAndHugeDocumentsAreRefused() {
        assertEquals("/", malformed(DefinitionDocument.parse("[]")).pointer());
        assertEquals("/terminal", malformed(level2().put("terminal", "RELEASED")).pointer());
        ObjectNode missing = level2();
        missing.remove("routes");
        assertEquals("/routes", malformed(missing).pointer());
        ObjectNode many = level2();
        ArrayNode routes = many.putArray("routes");
        for (int i = 0; i <= DefinitionDocument.MAX_ROUTES; i++) {
            routes.addObject().put("from", "DESIGN").put("to", "DEVELOPMENT").put("trigger", "advance-" + i);
        }
        assertEquals("/routes", malformed(many).pointer());
        ObjectNode longText = level2();
        ((ObjectNode) longText.get("routes").get(0)).put("from", "R".repeat(10_000));
        assertEquals("/routes/0/from", malformed(longText).pointer());
        assertThrows(MalformedDefinition.class, () -> DefinitionDocument.parse("{\"routes\": [}"));
    }

    @Test
    void theBuildersRulesStillHoldForDocuments() {
        ObjectNode doc = level2();
        ((ArrayNode) doc.get("routes")).addObject().put("from", "RELEASED").put("to", "DEVELOPMENT");
        InvalidWorkflowDefinition invalid = assertThrows(InvalidWorkflowDefinition.class,
                () -> DefinitionDocument.read("shop-strict", 1, doc));
        assertEquals(DefinitionRule.EXIT_FROM_TERMINAL, invalid.rule());

        ObjectNode unreachable = level2();
        ((ArrayNode) unreachable.get("routes")).remove(0);
        assertNotEquals(null, assertThrows(InvalidWorkflowDefinition.class,
                () -> DefinitionDocument.read("shop-strict", 1, unreachable)).rule());
    }

    @Test
    void bothLanguagesHaveEveryMessageKeyThePackageUses() throws IOException {
        Properties en = load("Messages.properties");
        Properties zh = load("Messages_zh_CN.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("\"(definition\\.[a-z.-]+)\"");
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/org/gatehouse/workflow/definition"))) {
            for (Path source : sources.toList()) {
                Matcher matcher = key.matcher(Files.readString(source));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertEquals(new TreeSet<>(en.stringPropertyNames()), used);
        for (String k : zh.stringPropertyNames()) {
            assertTrue(zh.getProperty(k).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), k);
        }
    }

    private static Properties load(String name) throws IOException {
        try (InputStream in = DefinitionDocument.class.getResourceAsStream(name)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
