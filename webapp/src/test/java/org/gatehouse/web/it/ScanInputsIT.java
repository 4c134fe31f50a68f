package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * White-box scan inputs (issue 5, B.1.3.1-if): artifacts named by a path on the server for CI agents that share
 * storage (only under GATEHOUSE_SCAN_PATH_ROOTS, hashed like uploads, no escape by {@code ..} or links).
 */
@ExtendWith(GatehouseServer.class)
class ScanInputsIT {

    @Test
    void anArtifactOnSharedStorageIsScannedWithItsDependenciesAndItsDigestKept(Api admin, Users users) throws Exception {
        String project = Fixtures.createProject(admin, "WBP");
        Api ci = users.withProjectRole("DEVELOPER", project);
        String release = users.withProjectRole("PROJECT_OWNER", project).post("/api/v1/projects/" + project
                + "/releases", "{\"version\":\"1.0\"}").json().get("id").asText();
        Path builds = Files.createDirectories(GatehouseServer.scanRoots().resolve(project + "/build-17"));
        byte[] jar = Artifacts.vulnerableJar();
        Path artifact = Files.write(builds.resolve("shop.jar"), jar);
        Path dependency = dependencyJar(builds.resolve("lib/util.jar"));

        Api.Reply started = ci.post("/api/v1/releases/" + release + "/scans", "{\"artifactPath\":\"" + artifact
                + "\",\"dependencyPaths\":[\"" + dependency + "\"],\"commit\":\"abcdef12\"}");
        assertEquals(202, started.status(), started.toString());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar)),
                started.json().get("artifactSha256").asText(), "hashed exactly like an upload");
        assertEquals(artifact.toRealPath().toString(), started.json().get("artifactPath").asText());
        assertEquals("shop.jar", started.json().get("artifactName").asText());
        assertEquals(1, started.json().get("dependencyCount").asInt());
        Files.write(artifact, new byte[] {'P', 'K', 3, 4}); // a later change does not touch the copy being scanned
        JsonNode scan = ScansIT.awaitEnd(ci, started.json().get("id").asText());
        assertEquals("SUCCEEDED", scan.get("state").asText(), scan.toString());
        assertTrue(scan.get("bugCount").asInt() >= 2, scan.toString());
    }

    @Test
    void pathsOutsideTheRootsThroughDotsOrLinksAreRefusedAlike(Api admin, Users users) throws Exception {
        String project = Fixtures.createProject(admin, "WBE");
        Api ci = users.withProjectRole("DEVELOPER", project);
        String release = users.withProjectRole("PROJECT_OWNER", project).post("/api/v1/projects/" + project
                + "/releases", "{\"version\":\"1.0\"}").json().get("id").asText();
        Path roots = GatehouseServer.scanRoots();
        Path builds = Files.createDirectories(roots.resolve(project));
        Path secret = Files.write(Files.createDirectories(roots.resolveSibling("private-" + project)).resolve("app.jar"),
                Artifacts.vulnerableJar());
        Files.createSymbolicLink(builds.resolve("escape.jar"), secret);
        Files.write(builds.resolve("notes.txt"), new byte[] {'x'});
        Path good = Files.write(builds.resolve("good.jar"), Artifacts.vulnerableJar());

        for (String path : new String[] {builds + "/../private-" + project + "/app.jar", builds + "/escape.jar",
                secret.toString(), "/etc/passwd", builds + "/absent.jar"}) {
            Api.Reply refused = ci.post("/api/v1/releases/" + release + "/scans", "{\"artifactPath\":\"" + path + "\"}");
            assertEquals(400, refused.status(), path + " " + refused);
            assertTrue(refused.json().get("detail").asText().contains("not a readable file under the directories"),
                    refused.toString());
        }
        Api.Reply escapingDependency = ci.post("/api/v1/releases/" + release + "/scans", "{\"artifactPath\":\"" + good
                + "\",\"dependencyPaths\":[\"" + builds + "/escape.jar\"]}");
        assertEquals(400, escapingDependency.status(), escapingDependency.toString());
        assertEquals(400, ci.post("/api/v1/releases/" + release + "/scans", "{\"artifactPath\":\"" + builds
                + "/notes.txt\"}").status());
        assertEquals(400, ci.post("/api/v1/releases/" + release + "/scans", "{\"artifactPath\":\"shop.jar\"}").status());
        assertEquals(0, ci.get("/api/v1/releases/" + release + "/scans").json().size(), "nothing was queued");
        assertEquals(403, users.withProjectRole("DEVELOPER", Fixtures.createProject(admin, "WBF")).post(
                "/api/v1/releases/" + release + "/scans", "{\"artifactPath\":\"" + good + "\"}").status());
        assertFalse(Files.exists(builds.resolve("good.jar.partial")));
    }

    @Test
    void anExcludeRuleRemovesAFindingFromARealScanAndTheRulesAreRecorded(Api admin, Users users) throws Exception {
        String project = Fixtures.createProject(admin, "WBR");
        Api ci = users.withProjectRole("DEVELOPER", project);
        String release = users.withProjectRole("PROJECT_OWNER", project).post("/api/v1/projects/" + project
                + "/releases", "{\"version\":\"1.0\"}").json().get("id").asText();
        // without rules this jar yields COMMAND_INJECTION and SQL_INJECTION_JDBC (ScansIT)
        Api.Reply started = ci.scan(release, "shop.jar", Artifacts.vulnerableJar(), "rules",
                "{\"include\":[{\"package\":\"shop\"}],\"exclude\":[{\"bugPattern\":\"COMMAND_INJECTION\"}]}");
        assertEquals(202, started.status(), started.toString());
        assertEquals(new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"categories\":[\"SECURITY\"],"
                + "\"include\":[{\"package\":\"shop\"}],\"exclude\":[{\"bugPattern\":\"COMMAND_INJECTION\"}],"
                + "\"confidence\":\"medium\"}"), started.json().get("rules"), "recorded with the scan");
        JsonNode scan = ScansIT.awaitEnd(ci, started.json().get("id").asText());
        assertEquals("SUCCEEDED", scan.get("state").asText(), scan.toString());
        java.util.Set<String> rules = new java.util.HashSet<>();
        ci.get("/api/v1/findings?project=" + project + "&scanner=spotbugs").json().get("items")
                .forEach(f -> rules.add(f.get("ruleId").asText()));
        assertTrue(rules.contains("SQL_INJECTION_JDBC"), "the include keeps package shop: " + rules);
        assertFalse(rules.contains("COMMAND_INJECTION"), "the exclude removed it: " + rules);

        Api.Reply raw = ci.scan(release, "shop.jar", Artifacts.vulnerableJar(), "rules",
                "<FindBugsFilter><Match><Bug pattern=\"COMMAND_INJECTION\"/></Match></FindBugsFilter>");
        assertEquals(400, raw.status(), raw.toString());
        Path good = Files.write(Files.createDirectories(GatehouseServer.scanRoots().resolve(project)).resolve("a.jar"),
                Artifacts.vulnerableJar());
        Api.Reply unknown = ci.post("/api/v1/releases/" + release + "/scans", "{\"artifactPath\":\"" + good
                + "\",\"rules\":{\"exclude\":[{\"source\":\"Lookup.java\"}]}}");
        assertEquals(400, unknown.status(), unknown.toString());
        assertTrue(unknown.json().get("detail").asText().contains("exclude[0].source"), unknown.toString());
        assertEquals(1, ci.get("/api/v1/releases/" + release + "/scans").json().size(), "refused rules queue nothing");
    }

    static Path dependencyJar(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry("util/README.txt"));
            jar.write("a dependency".getBytes());
            jar.closeEntry();
        }
        return file;
    }
}
