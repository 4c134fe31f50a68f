package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * White-box scans from the server (issue 5, B.1.3.1-if): an uploaded jar is analysed by SpotBugs +
 * Find Security Bugs in a worker JVM, and its findings arrive through the import pipeline.
 */
@ExtendWith(GatehouseServer.class)
class ScansIT {

    static JsonNode awaitEnd(Api api, String scanId) throws InterruptedException {
        JsonNode scan = api.get("/api/v1/scans/" + scanId).json();
        for (int i = 0; i < 600 && scan.get("state").asText().matches("QUEUED|RUNNING"); i++) {
            Thread.sleep(200);
            scan = api.get("/api/v1/scans/" + scanId).json();
        }
        return scan;
    }

    @Test
    void anUploadedJarIsScannedAndItsFindingsImported(Api admin, Users users) throws Exception {
        String project = Fixtures.createProject(admin, "WBX");
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json()
                .get("id").asText();
        byte[] jar = Artifacts.vulnerableJar();

        Api.Reply started = developer.scan(release, "shop.jar", jar, "commit", "abcdef12");
        assertEquals(202, started.status(), started.toString());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar)),
                started.json().get("artifactSha256").asText(), "the scanned artifact's SHA-256 is kept");
        // the live stream: scan events while it runs, then an end event with the final state
        java.util.List<String> lines = developer.events("/api/v1/scans/" + started.json().get("id").asText() + "/events");
        assertTrue(lines.contains("event: end"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains("\"SUCCEEDED\"")), lines.toString());
        JsonNode scan = awaitEnd(developer, started.json().get("id").asText());
        assertEquals("SUCCEEDED", scan.get("state").asText(), scan.toString());
        assertEquals(1, scan.get("classesAnalysed").asInt());
        assertTrue(scan.get("bugCount").asInt() >= 2, scan.toString());

        JsonNode imported = developer.get("/api/v1/imports/" + scan.get("importId").asText()).json();
        assertEquals("spotbugs", imported.get("scanner").asText());
        assertEquals("abcdef12", imported.get("commit").asText());
        Set<String> rules = new HashSet<>();
        developer.get("/api/v1/findings?project=" + project + "&scanner=spotbugs").json().get("items")
                .forEach(f -> rules.add(f.get("ruleId").asText()));
        assertTrue(rules.containsAll(Set.of("SQL_INJECTION_JDBC", "COMMAND_INJECTION")), rules.toString());
        assertEquals(1, developer.get("/api/v1/releases/" + release + "/scans").json().size());
    }

    @Test
    void onlyArchivesOfClassesAreScannedAndScansCanBeCancelled(Api admin, Users users) throws Exception {
        String project = Fixtures.createProject(admin, "WBC");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json()
                .get("id").asText();
        assertEquals(415, owner.scan(release, "notes.txt", "hello".getBytes()).status());
        assertEquals(415, owner.scan(release, "fake.jar", "not a zip".getBytes()).status());
        assertEquals(403, users.withProjectRole("DEVELOPER", Fixtures.createProject(admin, "WBO"))
                .scan(release, "shop.jar", Artifacts.vulnerableJar()).status());

        String id = owner.scan(release, "shop.jar", Artifacts.vulnerableJar()).json().get("id").asText();
        Api.Reply cancelled = owner.post("/api/v1/scans/" + id + "/cancel", null);
        assertEquals(200, cancelled.status(), cancelled.toString());
        JsonNode scan = awaitEnd(owner, id);
        assertEquals("CANCELLED", scan.get("state").asText(), scan.toString());
        assertEquals(409, owner.post("/api/v1/scans/" + id + "/cancel", null).status(), "an ended scan stays ended");
    }
}
