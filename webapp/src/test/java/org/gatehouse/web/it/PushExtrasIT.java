package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gatehouse.cli.GatehouseCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CI push extras (issue 7, ADR 0012) through the CLI against the real server: a push names its
 * release by version and opens it only with the token scope {@code releases:write} (racing pushes
 * open one release); {@code --advance} needs {@code releases:advance-scan}, records the scan
 * activity, stops with every reason while a gate fails, and moves out of TESTING — signed with the
 * service account's key — once every gate passes; it never moves a release that is not in TESTING.
 */
@ExtendWith(GatehouseServer.class)
class PushExtrasIT {

    private record Token(String secret, String keyId, String key) {
        Map<String, String> env(Api api, String project) {
            return key == null
                    ? Map.of("GATEHOUSE_URL", api.base().toString(), "GATEHOUSE_TOKEN", secret, "GATEHOUSE_PROJECT", project)
                    : Map.of("GATEHOUSE_URL", api.base().toString(), "GATEHOUSE_TOKEN", secret, "GATEHOUSE_KEY_ID", keyId,
                            "GATEHOUSE_HMAC_KEY", key, "GATEHOUSE_PROJECT", project);
        }
    }

    private static Token token(Api owner, String project, String service, String scopes, boolean signed) {
        Api.Reply issued = owner.post("/api/v1/projects/" + project + "/service-accounts/" + service + "/tokens",
                "{\"name\":\"ci\",\"scopes\":[" + scopes + "],\"signed\":" + signed + "}");
        assertEquals(201, issued.status(), issued::toString);
        JsonNode t = issued.json();
        return new Token(t.get("token").asText(), t.path("signingKeyId").asText(null), t.path("signingKey").asText(null));
    }

    private static String serviceAccount(Api owner, String project) {
        return owner.post("/api/v1/projects/" + project + "/service-accounts", "{\"name\":\"gha\"}").json().get("login")
                .asText();
    }

    private static Path report(String name, byte[] content) throws IOException {
        Path file = Files.createTempFile("push-extras-", "-" + name);
        Files.write(file, content);
        file.toFile().deleteOnExit();
        return file;
    }

    private static int cli(Map<String, String> env, StringBuilder output, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = GatehouseCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        output.setLength(0);
        output.append(out.toString(StandardCharsets.UTF_8)).append(err.toString(StandardCharsets.UTF_8));
        System.out.println("[it] gatehouse-cli " + String.join(" ", args) + " → " + exit + "\n" + output);
        return exit;
    }

    private static List<JsonNode> releases(Api owner, String project) {
        List<JsonNode> all = new ArrayList<>();
        owner.get("/api/v1/projects/" + project + "/releases?limit=100").json().get("items").forEach(all::add);
        return all;
    }

    @Test
    void aPushNamesItsReleaseByVersionAndOpensItOnlyWithTheCapability(Api admin, Users users) throws Exception {
        String project = Fixtures.uniqueKey("PXV");
        assertEquals(201, admin.post("/api/v1/projects", Fixtures.project(project, "By version " + project, 2)).status());
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String service = serviceAccount(owner, project);
        Token pushOnly = token(owner, project, service, "\"releases:read\",\"scans:push\",\"gate:read\"", true);
        Token opener = token(owner, project, service, "\"releases:read\",\"releases:write\",\"scans:push\"", true);
        Path file = report("one.sarif", FindingsIT.sarif("", 0, FindingsIT.A));
        StringBuilder output = new StringBuilder();
        String[] push = {"push", "--release-version", "2.4.0", "--scanner", "sarif", "--file", file.toString()};

        assertEquals(1, cli(pushOnly.env(admin, project), output, push), "no release 2.4.0 yet, and none asked for");
        assertTrue(output.toString().contains("urn:gatehouse:problem:not-found"), output::toString);
        assertEquals(1, cli(pushOnly.env(admin, project), output, concat(push, "--create-release")));
        assertTrue(output.toString().contains("urn:gatehouse:problem:capability-required"), output::toString);
        assertTrue(output.toString().contains("releases:write"), output::toString);
        assertTrue(releases(owner, project).isEmpty(), "a refused push opens nothing");
        JsonNode denied = users.withGlobalRole("AUDITOR").get("/api/v1/audit/events?limit=50&type=access.denied&actor="
                + service).json();
        assertTrue(denied.toString().contains("capability-required"), "the refusal is audited: " + denied);

        assertEquals(0, cli(opener.env(admin, project), output, concat(push, "--create-release")));
        assertTrue(output.toString().contains("opened release 2.4.0"), output::toString);
        assertTrue(output.toString().contains("COMPLETED: created 1"), output::toString);
        List<JsonNode> opened = releases(owner, project);
        assertEquals(1, opened.size());
        assertEquals("2.4.0", opened.get(0).get("version").asText());
        // the same version again: pushed into the existing release, with or without --create-release
        assertEquals(0, cli(pushOnly.env(admin, project), output, concat(push, "--build", "2")));
        assertEquals(1, releases(owner, project).size());

        // pushes racing to open one version: one release, every push imported into it
        Token unsigned = token(owner, project, service, "\"releases:write\",\"scans:push\"", false);
        Api ci = new Api(admin.base()).withToken(unsigned.secret());
        int racers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            byte[] content = FindingsIT.sarif("race" + i + "/", 0, FindingsIT.A);
            replies.add(pool.submit(() -> {
                start.await();
                return ci.uploadToProject(project, "race.sarif", content, "scanner", "sarif", "releaseVersion", "3.0.0",
                        "createRelease", "true");
            }));
        }
        start.countDown();
        Set<String> into = new HashSet<>();
        int openedBy = 0;
        for (Future<Api.Reply> reply : replies) {
            Api.Reply r = reply.get();
            assertTrue(r.status() == 201 || r.status() == 202, r::toString);
            into.add(r.json().get("release").asText());
            openedBy += r.header("Gatehouse-Release-Opened").isPresent() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, into.size(), "every racing push went into one release");
        assertEquals(1, openedBy, "exactly one push opened it");
        assertEquals(1, releases(owner, project).stream().filter(r -> r.get("version").asText().equals("3.0.0")).count());
    }

    @Test
    void ciAdvancesOutOfTestingOnlyWhenEveryGatePassesAndSignsTheMove(Api admin, Users users) throws Exception {
        String project = Fixtures.uniqueKey("PXA");
        assertEquals(201, admin.post("/api/v1/projects", Fixtures.project(project, "Advance " + project, 1)).status());
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api tester = users.withProjectRole("TESTER", project);
        Api reviewer = users.withProjectRole("SECURITY_REVIEWER", project);
        String release = ReleaseDriver.testing(owner, developer, tester, reviewer, project, "5.0");
        String service = serviceAccount(owner, project);
        Token noAdvance = token(owner, project, service, "\"releases:read\",\"scans:push\"", true);
        Token advancer = token(owner, project, service, "\"releases:read\",\"scans:push\",\"releases:advance-scan\"", true);
        Path clean = report("clean.sarif", FindingsIT.sarif("", 0));
        String[] push = {"push", "--release", release, "--scanner", "sarif", "--file", clean.toString(), "--advance"};
        StringBuilder output = new StringBuilder();
        ReleaseDriver d = new ReleaseDriver(owner, release);

        assertEquals(1, cli(noAdvance.env(admin, project), output, push), "the import lands, the advance is refused");
        assertTrue(output.toString().contains("urn:gatehouse:problem:capability-required"), output::toString);
        assertTrue(output.toString().contains("releases:advance-scan"), output::toString);
        assertEquals("TESTING", owner.get(d.at("/lifecycle")).json().get("phase").asText());

        // the manual security test is not done: the white-box activity is recorded, the move is blocked
        assertEquals(0, cli(advancer.env(admin, project), output, push));
        assertTrue(output.toString().contains("not advanced: blocked in TESTING (white-box-scan recorded)"), output::toString);
        assertTrue(output.toString().contains("manual-security-test"), output::toString);
        JsonNode lifecycle = owner.get(d.at("/lifecycle")).json();
        assertEquals("TESTING", lifecycle.get("phase").asText());
        assertTrue(lifecycle.get("completedActivities").toString().contains("white-box-scan"), lifecycle::toString);

        d.passedManualTest(tester);
        d.complete(tester, "manual-security-test");

        assertEquals(0, cli(advancer.env(admin, project), output, concat(push, "--build", "7")));
        assertTrue(output.toString().contains("advanced: TESTING -> SECURITY_AUDIT"), output::toString);
        JsonNode transitions = owner.get(d.at("/lifecycle/transitions")).json();
        JsonNode last = transitions.get(transitions.size() - 1);
        assertEquals(service, last.get("actor").asText());
        JsonNode signatures = owner.get(d.at("/lifecycle/signatures")).json();
        JsonNode signed = signatures.get(signatures.size() - 1);
        assertEquals(service, signed.get("signer").asText(), signed::toString);
        assertTrue(signed.get("valid").asBoolean(), signed::toString);

        // out of TESTING, CI moves nothing (it never releases)
        assertEquals(0, cli(advancer.env(admin, project), output, push));
        assertTrue(output.toString().contains("not advanced: the release is in SECURITY_AUDIT"), output::toString);
        assertEquals("SECURITY_AUDIT", owner.get(d.at("/lifecycle")).json().get("phase").asText());
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
