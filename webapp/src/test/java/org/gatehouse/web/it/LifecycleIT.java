package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.gatehouse.launcher.DatabaseCoordinates;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Release lifecycles on the real runtime (issue 6; B.1.3.1-ia..ii): the phase stored on the release,
 * blocked moves with every reason, approval for releasing and cancelling, waivers for security
 * administrators only, optimistic locking, an append-only log, and the finding gates reading the
 * release's real imports.
 */
@ExtendWith(GatehouseServer.class)
class LifecycleIT {

    private static String project(Api admin, String prefix, int level) {
        String key = Fixtures.uniqueKey(prefix);
        Api.Reply reply = admin.post("/api/v1/projects", Fixtures.project(key, "Shop " + key, level));
        assertEquals(201, reply.status(), reply::toString);
        return key;
    }

    private static String release(Api owner, String project) {
        Api.Reply reply = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().get("id").asText();
    }

    private static String lifecycle(String release) {
        return "/api/v1/releases/" + release + "/lifecycle";
    }

    private static JsonNode route(JsonNode gates, String from) {
        for (JsonNode route : gates) {
            if (route.get("from").asText().equals(from)) {
                return route;
            }
        }
        throw new AssertionError("no route from " + from + " in " + gates);
    }

    private static JsonNode gate(JsonNode route, String id) {
        for (JsonNode gate : route.get("gates")) {
            if (gate.get("gate").asText().equals(id)) {
                return gate;
            }
        }
        throw new AssertionError("no gate " + id + " in " + route);
    }

    @Test
    void aNewReleaseStartsAtRequirementsAndABlockedAdvanceListsEveryReason(Api admin, Users users) {
        String project = project(admin, "LCA", 1);
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = release(owner, project);
        JsonNode releaseView = owner.get("/api/v1/releases/" + release).json();
        assertEquals("REQUIREMENTS", releaseView.get("phase").asText());
        assertEquals("sdl-level-1@1", releaseView.get("definition").asText());

        Api.Reply view = owner.get(lifecycle(release));
        assertEquals(200, view.status(), view::toString);
        assertEquals("\"0\"", view.header("ETag").orElseThrow());
        JsonNode body = view.json();
        assertEquals(List.of("REQUIREMENTS", "DESIGN", "DEVELOPMENT", "TESTING", "SECURITY_AUDIT", "PRE_PRODUCTION_REVIEW",
                "RELEASED", "CANCELLED"), texts(body.get("phases")));
        JsonNode advance = body.get("permitted").get(0);
        assertEquals("advance", advance.get("trigger").asText());
        assertFalse(advance.get("passesNow").asBoolean());
        assertTrue(advance.get("reasons").size() >= 1, advance::toString);

        assertEquals(428, owner.post(lifecycle(release) + "/transitions", "{\"trigger\":\"advance\"}").status());
        Api.Reply stale = owner.post(lifecycle(release) + "/transitions", "{\"trigger\":\"advance\"}", "If-Match", "\"7\"");
        assertEquals(412, stale.status(), stale::toString);
        Api.Reply blocked = owner.post(lifecycle(release) + "/transitions", "{\"trigger\":\"advance\"}", "If-Match", "\"0\"",
                "Accept-Language", "zh-CN");
        assertEquals(409, blocked.status(), blocked::toString);
        assertTrue(blocked.json().get("type").asText().endsWith(":invalid-transition"), blocked::toString);
        List<String> fields = new ArrayList<>();
        blocked.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertTrue(fields.contains("gate.requirements.agreed"), fields::toString);
        assertTrue(blocked.body().matches("(?s).*[\\u4e00-\\u9fff].*"), "in zh-CN: " + blocked);
        Api.Reply bad = owner.post(lifecycle(release) + "/transitions", "{\"trigger\":\"Jump!\"}", "If-Match", "\"0\"");
        assertEquals(400, bad.status(), bad::toString);
        Api.Reply unknown = owner.post(lifecycle(release) + "/transitions", "{\"trigger\":\"jump\"}", "If-Match", "\"0\"");
        assertEquals(409, unknown.status(), unknown::toString);

        assertEquals(0, owner.get(lifecycle(release)).json().get("lifecycleVersion").asLong(), "nothing moved");
        assertEquals(0, owner.get(lifecycle(release) + "/transitions").json().size());
        JsonNode gate = owner.get("/api/v1/releases/" + release + "/gate").json();
        assertFalse(gate.get("passes").asBoolean());
        assertEquals("fail", gate.get("verdict").asText());
        assertEquals("REQUIREMENTS", gate.get("phase").asText());
        assertTrue(gate.get("reasons").size() >= 1);
    }

    @Test
    void cancellingNeedsApprovalClosesTheReleaseAndIsLoggedForGood(Api admin, Users users, TestDatabase database)
            throws SQLException {
        String project = project(admin, "LCB", 2);
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        String release = release(owner, project);

        Api.Reply refused = developer.post(lifecycle(release) + "/transitions", "{\"trigger\":\"cancel\"}", "If-Match", "*");
        assertEquals(403, refused.status(), refused::toString);
        Api.Reply cancelled = owner.post(lifecycle(release) + "/transitions", "{\"trigger\":\"cancel\"}", "If-Match", "\"0\"");
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("\"1\"", cancelled.header("ETag").orElseThrow());
        assertEquals("CANCELLED", cancelled.json().get("phase").asText());
        assertTrue(cancelled.json().get("closed").asBoolean());
        assertEquals(0, cancelled.json().get("permitted").size());
        assertEquals("CLOSED", owner.get("/api/v1/releases/" + release).json().get("status").asText());

        JsonNode log = owner.get(lifecycle(release) + "/transitions").json();
        assertEquals(1, log.size());
        assertEquals("REQUIREMENTS", log.get(0).get("from").asText());
        assertEquals("CANCELLED", log.get(0).get("to").asText());
        assertEquals(owner.loginName(), log.get(0).get("actor").asText());
        assertEquals(List.of("PROJECT_OWNER"), texts(log.get(0).get("actorRoles")));
        JsonNode gate = owner.get("/api/v1/releases/" + release + "/gate").json();
        assertEquals("fail", gate.get("verdict").asText());
        assertEquals("gate.release-cancelled", gate.get("reasons").get(0).get("key").asText());
        Api.Reply again = owner.post(lifecycle(release) + "/transitions", "{\"trigger\":\"advance\"}", "If-Match", "*");
        assertEquals(409, again.status(), again::toString);
        JsonNode audit = users.withGlobalRole("AUDITOR").get("/api/v1/audit/events?type=release.transition&target=release:"
                + release).json();
        assertEquals(1, audit.get("items").size(), audit::toString);

        // the move is signed with the owner's key and time-stamped (7.4.2, 7.4.3)
        JsonNode signatures = owner.get(lifecycle(release) + "/signatures").json();
        assertEquals(1, signatures.size(), signatures::toString);
        JsonNode signature = signatures.get(0);
        assertEquals("transition:1", signature.get("subject").asText());
        assertEquals(owner.loginName(), signature.get("signer").asText());
        assertEquals("ES256", signature.get("algorithm").asText());
        assertTrue(signature.get("valid").asBoolean(), signature::toString);
        assertTrue(signature.get("timeStampedAt").isTextual(), signature::toString);
        assertTrue(signature.get("statement").asText().contains("REQUIREMENTS -> CANCELLED"), signature::toString);

        DatabaseCoordinates app = database.application();
        Assumptions.assumeFalse(app.user().equals(app.ownerUser()), "needs separate owner and application roles");
        // a statement altered behind the trigger's back no longer verifies
        try (Connection connection = DriverManager.getConnection(app.url(), app.ownerUser(), app.ownerPassword());
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE decision_signature DISABLE TRIGGER decision_signature_append_only");
            statement.execute("UPDATE decision_signature SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                    + " 'CANCELLED', 'RELEASED'), 'UTF8') WHERE release_id = '" + release + "'");
            statement.execute("ALTER TABLE decision_signature ENABLE TRIGGER decision_signature_append_only");
        }
        JsonNode tampered = owner.get(lifecycle(release) + "/signatures").json().get(0);
        assertFalse(tampered.get("valid").asBoolean(), tampered::toString);
        assertTrue(tampered.get("statement").asText().contains("RELEASED"), tampered::toString);

        try (Connection connection = DriverManager.getConnection(app.url(), app.user(), app.password());
                Statement statement = connection.createStatement()) {
            for (String sql : List.of("UPDATE release_transition SET actor = 'someone else'",
                    "DELETE FROM release_transition", "TRUNCATE release_transition", "DELETE FROM release_waiver",
                    "UPDATE decision_signature SET signer = 'x'", "DELETE FROM signing_authority")) {
                SQLException e = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
                assertTrue(e.getSQLState().startsWith("42"), sql + " -> " + e.getSQLState() + " " + e.getMessage());
            }
        }
    }

    @Test
    void ofTwoConcurrentMovesOnTheSameVersionExactlyOneWins(Api admin, Users users) throws Exception {
        String project = project(admin, "LCC", 2);
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api reviewer = users.withProjectRole("SECURITY_REVIEWER", project);
        for (int round = 0; round < 3; round++) {
            String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"2." + round + "\"}").json()
                    .get("id").asText();
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Api.Reply>> replies = new ArrayList<>();
            for (Api api : List.of(owner, reviewer)) {
                replies.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return api.post(lifecycle(release) + "/transitions", "{\"trigger\":\"cancel\"}", "If-Match", "\"0\"");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Api.Reply> reply : replies) {
                statuses.add(reply.get().status());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 412), statuses, "round " + round + ": " + replies);
            assertEquals(1, owner.get(lifecycle(release) + "/transitions").json().size());
        }
    }

    @Test
    void onlyASecurityAdministratorWaivesAGateWithAJustificationAndAnEnd(Api admin, Users users) {
        String project = project(admin, "LCD", 2);
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api securityAdmin = users.withGlobalRole("SECURITY_ADMINISTRATOR");
        String release = release(owner, project);
        String tomorrow = Instant.now().plus(Duration.ofDays(1)).toString();
        String waiver = "{\"gate\":\"white-box.no-open-findings\",\"justification\":\"pilot customer, fixed in 1.1\","
                + "\"expiresAt\":\"%s\"}";

        assertEquals(403, owner.post(lifecycle(release) + "/waivers", waiver.formatted(tomorrow), "If-Match", "*").status());
        Api.Reply past = securityAdmin.post(lifecycle(release) + "/waivers",
                waiver.formatted(Instant.now().minusSeconds(60)), "If-Match", "*");
        assertEquals(400, past.status(), past::toString);
        Api.Reply far = securityAdmin.post(lifecycle(release) + "/waivers",
                waiver.formatted(Instant.now().plus(Duration.ofDays(400))), "If-Match", "*");
        assertEquals(400, far.status(), far::toString);
        Api.Reply blank = securityAdmin.post(lifecycle(release) + "/waivers",
                "{\"gate\":\"white-box.no-open-findings\",\"justification\":\" \",\"expiresAt\":\"" + tomorrow + "\"}",
                "If-Match", "*");
        assertEquals(400, blank.status(), blank::toString);
        Api.Reply foreign = securityAdmin.post(lifecycle(release) + "/waivers",
                "{\"gate\":\"no.such-gate\",\"justification\":\"x\",\"expiresAt\":\"" + tomorrow + "\"}", "If-Match", "*");
        assertEquals(400, foreign.status(), foreign::toString);

        Api.Reply granted = securityAdmin.post(lifecycle(release) + "/waivers", waiver.formatted(tomorrow), "If-Match", "\"0\"");
        assertEquals(200, granted.status(), granted::toString);
        JsonNode waivers = granted.json().get("waivers");
        JsonNode signed = owner.get(lifecycle(release) + "/signatures").json();
        assertEquals(1, signed.size(), signed::toString);
        assertEquals("waiver:white-box.no-open-findings:1", signed.get(0).get("subject").asText());
        assertEquals(securityAdmin.loginName(), signed.get(0).get("signer").asText());
        assertTrue(signed.get(0).get("valid").asBoolean(), signed::toString);
        assertEquals(1, waivers.size());
        assertEquals(securityAdmin.loginName(), waivers.get(0).get("grantedBy").asText());
        assertTrue(waivers.get(0).get("active").asBoolean());
        assertEquals("REQUIREMENTS", granted.json().get("phase").asText(), "a waiver moves nothing");
        // the white-box gate fails (no report yet), and the waiver stands in for it on the board
        JsonNode testing = route(owner.get(lifecycle(release) + "/gates").json(), "TESTING");
        assertEquals("WAIVED", gate(testing, "white-box.no-open-findings").get("outcome").asText(), testing::toString);
    }

    @Test
    void theFindingGatesReadTheReleasesImportsAndTriage(Api admin, Users users) {
        String project = project(admin, "LCE", 1);
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api tester = users.withProjectRole("TESTER", project);
        String release = release(owner, project);

        JsonNode board = owner.get(lifecycle(release) + "/gates").json();
        JsonNode whiteBox = gate(route(board, "TESTING"), "white-box.no-open-findings");
        assertEquals("BLOCKED", whiteBox.get("outcome").asText());
        assertEquals("gate.white-box.no-report", whiteBox.get("reasons").get(0).get("key").asText());
        assertEquals("PASSED", gate(route(board, "SECURITY_AUDIT"), "vulnerabilities.resolved").get("outcome").asText());

        // A (high) and C (medium): the level-1 threshold is high
        assertEquals(201, owner.upload(release, "scan.sarif", FindingsIT.sarif("", 0, FindingsIT.A, FindingsIT.C),
                "scanner", "sarif").status());
        board = owner.get(lifecycle(release) + "/gates").json();
        whiteBox = gate(route(board, "TESTING"), "white-box.no-open-findings");
        assertEquals("BLOCKED", whiteBox.get("outcome").asText(), whiteBox::toString);
        JsonNode reason = whiteBox.get("reasons").get(0);
        assertEquals("gate.white-box.open-findings", reason.get("key").asText());
        assertEquals(List.of("1", "high", "1 high"), texts(reason.get("arguments")));
        assertEquals("BLOCKED", gate(route(board, "SECURITY_AUDIT"), "vulnerabilities.resolved").get("outcome").asText());

        // the next scan no longer sees A: fixed as far as the scan knows, but not verified
        assertEquals(201, owner.upload(release, "scan.sarif", FindingsIT.sarif("", 0, FindingsIT.C), "scanner", "sarif")
                .status());
        board = owner.get(lifecycle(release) + "/gates").json();
        assertEquals("PASSED", gate(route(board, "TESTING"), "white-box.no-open-findings").get("outcome").asText());
        JsonNode resolved = gate(route(board, "SECURITY_AUDIT"), "vulnerabilities.resolved");
        assertEquals("BLOCKED", resolved.get("outcome").asText(), resolved::toString);
        assertEquals("gate.vulnerabilities.unresolved", resolved.get("reasons").get(0).get("key").asText());

        // a tester re-tests the fix: now it is verified (B.1.3.1-ih)
        String a = null;
        for (JsonNode finding : owner.get("/api/v1/findings?project=" + project).json().get("items")) {
            if (finding.get("state").asText().equals("FIXED_UNVERIFIED")) {
                a = finding.get("id").asText();
            }
        }
        Api.Reply retest = tester.post("/api/v1/findings/" + a + "/retest", "{\"passed\":true,\"reason\":\"re-tested\"}",
                "If-Match", "*");
        assertEquals(200, retest.status(), retest::toString);
        board = owner.get(lifecycle(release) + "/gates").json();
        assertEquals("PASSED", gate(route(board, "SECURITY_AUDIT"), "vulnerabilities.resolved").get("outcome").asText());
        assertEquals("PASSED", gate(route(board, "PRE_PRODUCTION_REVIEW"), "risk-acceptances.unexpired").get("outcome")
                .asText());
    }

    @Test
    void aSigningRoleEnrolsThePersonWithAKeyAndACertificateFromThePlatformCa(Api admin, Users users) {
        String project = project(admin, "LCF", 1);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api.Reply certificate = developer.get("/api/v1/session/signing-certificate");
        assertEquals(200, certificate.status(), certificate::toString);
        assertTrue(certificate.json().get("subject").asText().contains("CN=" + developer.loginName()), certificate::toString);
        assertTrue(certificate.json().get("issuer").asText().contains("Gatehouse signing CA"), certificate::toString);
        assertTrue(certificate.json().get("certificatePem").asText().startsWith("-----BEGIN CERTIFICATE-----"));
        // the same key signs later decisions: a cancel is signed with the enrolled certificate
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String ownerCertificate = owner.get("/api/v1/session/signing-certificate").json().get("sha256").asText();
        String release = release(owner, project);
        assertEquals(200, owner.post(lifecycle(release) + "/transitions", "{\"trigger\":\"cancel\"}", "If-Match", "\"0\"")
                .status());
        assertEquals(ownerCertificate, owner.get("/api/v1/session/signing-certificate").json().get("sha256").asText());
        assertTrue(owner.get(lifecycle(release) + "/signatures").json().get(0).get("valid").asBoolean());
        assertEquals(404, users.withoutRoles().get("/api/v1/session/signing-certificate").status(),
                "no signing role, no key");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
