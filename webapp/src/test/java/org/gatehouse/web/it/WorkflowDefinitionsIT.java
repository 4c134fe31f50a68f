package org.gatehouse.web.it;

import static org.gatehouse.web.it.ProjectsIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Workflow definitions as data (issue 6, 8.1: a project's workflow definition is versioned; ADR 0023): a security
 * administrator publishes a stricter version of the level-2 definition; releases already under way keep theirs,
 * new ones start with it; bad documents are refused whole with problems. Runs on a server of its own, since a
 * published definition changes what every later release of its level starts with.
 */
class WorkflowDefinitionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OwnServer own;
    private static Users users;

    @BeforeAll
    static void start() {
        own = OwnServer.start();
        users = own.users();
    }

    @AfterAll
    static void stop() {
        if (own != null) {
            own.close();
        }
    }

    private static String publishBody(String note, JsonNode definition) {
        ObjectNode body = JSON.createObjectNode();
        body.put("note", note);
        body.set("definition", definition);
        return body.toString();
    }

    private static List<String> refs(Api api) {
        List<String> refs = new ArrayList<>();
        api.get("/api/v1/workflow-definitions").json()
                .forEach(d -> refs.add(d.get("id").asText() + "@" + d.get("version").asInt() + (d.get("current").asBoolean() ? "*" : "")));
        return refs;
    }

    private static String definitionOf(Api api, String release) {
        JsonNode lifecycle = api.get("/api/v1/releases/" + release + "/lifecycle").json();
        return lifecycle.get("definition").asText() + "@" + lifecycle.get("definitionVersion").asInt();
    }

    @Test
    void aStricterLevelTwoIsPublishedAndOnlyReleasesStartedAfterwardsTakeIt() {
        Api admin = users.admin();
        Api securityAdmin = users.withGlobalRole("SECURITY_ADMINISTRATOR");
        String project = Fixtures.createProject(admin, "WFD");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);

        List<String> builtIn = List.of("sdl-level-1@1*", "sdl-level-2@1", "sdl-level-2@2*", "sdl-level-3@1", "sdl-level-3@2*");
        assertEquals(builtIn, refs(developer));
        JsonNode document = developer.get("/api/v1/workflow-definitions/sdl-level-2/2").json();
        assertEquals("gatehouse-workflow/1", document.get("format").asText());
        assertEquals("high", document.at("/gateParameters/white-box.no-open-findings/threshold").asText());
        String before = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id").asText();

        ObjectNode stricter = document.deepCopy();
        ((ObjectNode) stricter.at("/gateParameters/white-box.no-open-findings")).put("threshold", "medium");
        String body = publishBody("Medium white-box findings block from now on (risk review 2026-12)", stricter);
        // only security administrators publish: not the project's people, not the platform administrator
        assertProblem(owner.post("/api/v1/workflow-definitions/sdl-level-2", body), 403, "forbidden");
        assertProblem(admin.post("/api/v1/workflow-definitions/sdl-level-2", body), 403, "forbidden");
        Api.Reply published = securityAdmin.post("/api/v1/workflow-definitions/sdl-level-2", body);
        assertEquals(201, published.status(), published::toString);
        assertEquals(3, published.json().get("version").asInt());
        assertTrue(published.json().get("sha256").asText().matches("[0-9a-f]{64}"));
        assertTrue(published.header("Location").orElseThrow().endsWith("/api/v1/workflow-definitions/sdl-level-2/3"));

        String after = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.1\"}").json().get("id").asText();
        assertEquals("sdl-level-2@2", definitionOf(owner, before), "a release under way keeps its definition");
        assertEquals("sdl-level-2@3", definitionOf(owner, after));
        assertEquals(List.of("sdl-level-1@1*", "sdl-level-2@1", "sdl-level-2@2", "sdl-level-3@1", "sdl-level-3@2*",
                "sdl-level-2@3*"), refs(developer));
        JsonNode stored = developer.get("/api/v1/workflow-definitions/sdl-level-2/3").json();
        assertEquals("medium", stored.at("/gateParameters/white-box.no-open-findings/threshold").asText());
        assertEquals(3, stored.get("version").asInt());
        assertTrue(stored.toString().contains("team.vetted"), "published from the current version, its gates kept");

        JsonNode audit = securityAdmin.get("/api/v1/audit/events?type=workflow.definition-published").json();
        assertTrue(audit.toString().contains("workflow-definition:sdl-level-2@3"), audit::toString);
        assertTrue(audit.toString().contains(published.json().get("sha256").asText()), audit::toString);
    }

    @Test
    void badDocumentsAreRefusedWholeWithAProblemAndNothingIsPublished() {
        Api securityAdmin = users.withGlobalRole("SECURITY_ADMINISTRATOR");
        JsonNode level1 = securityAdmin.get("/api/v1/workflow-definitions/sdl-level-1/1").json();
        List<String> before = refs(securityAdmin);

        ObjectNode unknownGate = level1.deepCopy();
        ((ArrayNode) unknownGate.at("/routes/0/gates")).add("coffee.brewed");
        Api.Reply refused = securityAdmin.post("/api/v1/workflow-definitions/sdl-level-1", publishBody("more gates", unknownGate));
        assertProblem(refused, 400, "validation-failed");
        assertTrue(refused.body().contains("coffee.brewed"), refused::toString);

        ObjectNode misspelt = level1.deepCopy();
        ((ObjectNode) misspelt.at("/routes/0")).set("gate", ((ObjectNode) misspelt.at("/routes/0")).remove("gates"));
        refused = securityAdmin.post("/api/v1/workflow-definitions/sdl-level-1", publishBody("typo", misspelt));
        assertProblem(refused, 400, "validation-failed");
        assertTrue(refused.body().contains("/routes/0/gate"), refused::toString);

        ObjectNode exitFromTerminal = level1.deepCopy();
        ((ArrayNode) exitFromTerminal.get("routes")).addObject().put("from", "RELEASED").put("to", "DEVELOPMENT");
        assertProblem(securityAdmin.post("/api/v1/workflow-definitions/shop-hotfix", publishBody("hotfix", exitFromTerminal)),
                400, "validation-failed");

        ObjectNode otherLevel = ((ObjectNode) level1.deepCopy()).put("defaultFor", 2);
        assertProblem(securityAdmin.post("/api/v1/workflow-definitions/sdl-level-1", publishBody("level", otherLevel)), 400,
                "validation-failed");
        assertProblem(securityAdmin.post("/api/v1/workflow-definitions/sdl-level-1", publishBody(" ", level1)), 400,
                "validation-failed");
        assertProblem(securityAdmin.post("/api/v1/workflow-definitions/sdl-level-1", "{\"definition\": {}}"), 400,
                "validation-failed");
        assertProblem(securityAdmin.post("/api/v1/workflow-definitions/sdl-level-1",
                publishBody("x".repeat(70_000), level1)), 400, "validation-failed");
        assertProblem(securityAdmin.post("/api/v1/workflow-definitions/sdl-level-1", "{\"note\": \"x\", \"definition\": ["),
                400, "validation-failed");
        assertProblem(securityAdmin.post("/api/v1/workflow-definitions/Not_Kebab", publishBody("id", level1)), 400,
                "validation-failed");

        assertEquals(before, refs(securityAdmin), "nothing was published");
        assertProblem(securityAdmin.get("/api/v1/workflow-definitions/sdl-level-1/9"), 404, "not-found");
        assertProblem(securityAdmin.get("/api/v1/workflow-definitions/no-such/1"), 404, "not-found");
        assertFalse(securityAdmin.get("/api/v1/workflow-definitions/sdl-level-1/1").body().contains("coffee"));
    }
}
