package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.gatehouse.cli.GatehouseCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code gatehouse-cli scan} against the real server (issues 5 and 7): a signed CI token uploads an artifact and
 * follows the white-box scan to its end; refusals and a missing ZAP give the exit codes of {@code gate}.
 */
@ExtendWith(GatehouseServer.class)
class ScanCliIT {

    private record Run(int exit, String out, String err) {
    }

    private static Run cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = GatehouseCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        Run run = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println("[it] gatehouse-cli " + String.join(" ", args) + " → " + exit + "\n" + run.out() + run.err());
        return run;
    }

    @Test
    void aSignedCiTokenScansAnUploadedArtifactAndFollowsItToTheEnd(Api admin, Users users) throws Exception {
        String project = Fixtures.createProject(admin, "CLS");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json()
                .get("id").asText();
        String service = owner.post("/api/v1/projects/" + project + "/service-accounts", "{\"name\":\"ci\"}").json()
                .get("login").asText();
        JsonNode token = owner.post("/api/v1/projects/" + project + "/service-accounts/" + service + "/tokens",
                "{\"name\":\"ci\",\"scopes\":[\"scans:push\"],\"signed\":true}").json();
        Map<String, String> env = Map.of("GATEHOUSE_URL", admin.base().toString(), "GATEHOUSE_TOKEN",
                token.get("token").asText(), "GATEHOUSE_KEY_ID", token.get("signingKeyId").asText(), "GATEHOUSE_HMAC_KEY",
                Base64.getEncoder().encodeToString(Base64.getDecoder().decode(token.get("signingKey").asText())));
        Path dir = Files.createTempDirectory(GatehouseServer.itDirectory(), "cli-scan");
        Path jar = Files.write(dir.resolve("shop.jar"), Artifacts.vulnerableJar());
        Path rules = Files.writeString(dir.resolve("rules.json"), "{\"exclude\":[{\"bugPattern\":\"PREDICTABLE_RANDOM\"}]}");

        Run scanned = cli(env, "scan", "--release", release, "--artifact", jar.toString(), "--rules", rules.toString(),
                "--commit", "abcdef12", "--wait-seconds", "900");
        assertEquals(0, scanned.exit(), scanned.err());
        assertTrue(scanned.out().matches("(?s)scan \\S+ SUCCEEDED: 1 classes, \\d+ warnings, sha256 [0-9a-f]{64}, import \\S+\\s*"),
                scanned.out());
        assertTrue(scanned.err().contains("uploading shop.jar"), scanned.err());
        assertTrue(scanned.err().lines().anyMatch(l -> l.matches("scan \\S+ (QUEUED|RUNNING) \\d+%.*")), scanned.err());
        assertTrue(scanned.err().lines().noneMatch(l -> l.contains("\r")), "plain lines when not on a terminal");
        JsonNode scan = owner.get("/api/v1/releases/" + release + "/scans").json().get(0);
        assertEquals("PREDICTABLE_RANDOM", scan.get("rules").get("exclude").get(0).get("bugPattern").asText(),
                "the rules file went with the scan");

        Run outside = cli(env, "scan", "--release", release, "--artifact-path", "/etc/passwd");
        assertEquals(1, outside.exit(), outside.err());
        assertTrue(outside.err().contains("HTTP 400"), outside.err());
        Run noZap = cli(env, "scan", "--release", release, "--target", "http://shop.test/");
        assertEquals(2, noZap.exit(), "no ZAP is configured on this server: " + noZap.err());
        assertTrue(noZap.err().contains("HTTP 503"), noZap.err());
        Run usage = cli(env, "scan", "--release", release);
        assertEquals(2, usage.exit());
    }
}
