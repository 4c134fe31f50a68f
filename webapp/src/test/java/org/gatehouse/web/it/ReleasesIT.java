package org.gatehouse.web.it;

import static org.gatehouse.web.it.ProjectsIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(GatehouseServer.class)
class ReleasesIT {

    @Test
    void opensAReleaseAndReadsItBackById(Api admin, Users users) {
        String key = Fixtures.createProject(admin, "REL");
        Api api = users.withProjectRole("PROJECT_OWNER", key);
        Api.Reply created = api.post("/api/v1/projects/" + key + "/releases", "{\"version\":\"1.4.0\"}");
        assertEquals(201, created.status(), created::toString);
        String id = created.json().get("id").asText();
        assertEquals(7, UUID.fromString(id).version(), "time-ordered ids");
        assertEquals(api.base().resolve("/api/v1/releases/" + id).toString(), created.header("Location").orElseThrow());

        JsonNode release = api.get("/api/v1/releases/" + id).json();
        assertEquals(key, release.get("project").asText());
        assertEquals("1.4.0", release.get("version").asText());
        assertEquals("OPEN", release.get("status").asText());
        assertEquals(created.json().get("createdAt").asText(), release.get("createdAt").asText());
    }

    @Test
    void listsReleasesNewestFirstAcrossPages(Api admin, Users users) {
        String key = Fixtures.createProject(admin, "RLS");
        Api api = users.withProjectRole("PROJECT_OWNER", key);
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Api.Reply r = api.post("/api/v1/projects/" + key + "/releases", "{\"version\":\"1." + i + ".0\"}");
            assertEquals(201, r.status(), r::toString);
            opened.add(0, r.json().get("version").asText());
        }
        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            Api.Reply page = api.get("/api/v1/projects/" + key + "/releases?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, page.status(), page::toString);
            assertTrue(page.json().get("items").size() <= 2);
            page.json().get("items").forEach(item -> listed.add(item.get("version").asText()));
            JsonNode next = page.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asText();
        } while (cursor != null);
        assertEquals(opened, listed);
    }

    @Test
    void versionIsUniqueWithinAProjectOnly(Api admin, Users users) {
        String first = Fixtures.createProject(admin, "UNQ");
        String second = Fixtures.createProject(admin, "UNQ");
        Api api = users.withProjectRole("PROJECT_OWNER", first);
        users.grant(api.loginName(), "PROJECT_OWNER", java.util.Optional.of(second));
        assertEquals(201, api.post("/api/v1/projects/" + first + "/releases", "{\"version\":\"2.0\"}").status());
        assertProblem(api.post("/api/v1/projects/" + first + "/releases", "{\"version\":\"2.0\"}"), 409, "conflict");
        assertEquals(201, api.post("/api/v1/projects/" + second + "/releases", "{\"version\":\"2.0\"}").status());
    }

    @Test
    void badInputAndUnknownIdsAreProblems(Api admin, Users users) {
        String key = Fixtures.createProject(admin, "BAD");
        Api api = users.withGlobalRole("SECURITY_ADMINISTRATOR");
        users.grant(api.loginName(), "PROJECT_OWNER", java.util.Optional.of(key));
        assertProblem(api.post("/api/v1/projects/" + key + "/releases", "{\"version\":\"1.0 beta\"}"), 400, "validation-failed");
        assertProblem(api.post("/api/v1/projects/" + key + "/releases", "{}"), 400, "validation-failed");
        // Opening releases is a project right: for a project one has no role in (existing or not) it is forbidden,
        // so the answer does not tell whether the project exists.
        assertProblem(api.post("/api/v1/projects/NOSUCH/releases", "{\"version\":\"1.0\"}"), 403, "forbidden");
        // Reading is global for a security administrator: there, a missing project is simply not found.
        assertProblem(api.get("/api/v1/projects/NOSUCH/releases"), 404, "not-found");
        assertProblem(api.get("/api/v1/releases/" + UUID.randomUUID()), 404, "not-found");
        assertProblem(api.get("/api/v1/releases/not-a-uuid"), 404, "not-found");
        String projectsCursor = api.get("/api/v1/projects?limit=1").json().get("nextCursor").asText();
        assertProblem(api.get("/api/v1/projects/" + key + "/releases?cursor=" + projectsCursor), 400, "invalid-cursor");
    }
}
