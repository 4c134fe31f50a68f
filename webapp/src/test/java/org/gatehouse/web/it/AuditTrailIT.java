package org.gatehouse.web.it;

import static org.gatehouse.web.it.ProjectsIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gatehouse.launcher.DatabaseCoordinates;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit trail: the guide's fields, append-only in PostgreSQL, hash-chained, verifiable (B.2.4.3, B.1.2.17). */
@ExtendWith(GatehouseServer.class)
class AuditTrailIT {

    private static JsonNode events(Api auditor, String query) {
        Api.Reply reply = auditor.get("/api/v1/audit/events?" + query);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().get("items");
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void changesLoginsAndRefusalsAreRecordedWithTheGuidesFields(Api admin, Users users) {
        Api auditor = users.withGlobalRole("AUDITOR");
        String key = Fixtures.createProject(admin, "AUD");
        JsonNode registered = events(auditor, "type=project.registered&target=" + q("project:" + key)).get(0);
        assertEquals("admin", registered.get("actor").asText());
        assertEquals("PERSON", registered.get("actorKind").asText());
        assertEquals(admin.address(), registered.get("address").asText());
        assertEquals("SUCCESS", registered.get("result").asText());
        assertTrue(registered.get("occurredAt").asText().endsWith("Z"));
        assertFalse(registered.get("description").asText().isBlank());

        Api developer = users.withProjectRole("DEVELOPER", key);
        assertProblem(developer.post("/api/v1/projects/" + key + "/releases", "{\"version\":\"1.0\"}"), 403, "forbidden");
        JsonNode denied = events(auditor, "result=DENIED&actor=" + q(developer.loginName())).get(0);
        assertEquals("access.denied", denied.get("type").asText());
        assertTrue(denied.get("target").asText().startsWith("POST /api/v1/projects/" + key + "/releases"));

        JsonNode logins = events(auditor, "type=login&actor=" + q(developer.loginName()));
        assertTrue(logins.size() >= 1);
        assertTrue(events(auditor, "type=login.failed&limit=1").size() <= 1);
    }

    @Test
    void onlyAuditorsAndSecurityAdministratorsReadTheTrail(Api admin, Users users) {
        assertProblem(admin.get("/api/v1/audit/events"), 403, "forbidden");
        assertProblem(users.withProjectRole("PROJECT_OWNER", Fixtures.createProject(admin, "AUR")).get("/api/v1/audit/verification"),
                403, "forbidden");
        assertEquals(200, users.withGlobalRole("SECURITY_ADMINISTRATOR").get("/api/v1/audit/events?limit=5").status());
        assertProblem(users.withGlobalRole("AUDITOR").get("/api/v1/audit/events?from=yesterday"), 400, "bad-request");
    }

    @Test
    void theApplicationRoleCanNeitherChangeNorDeleteNorDisableTheTrail(TestDatabase database, Api admin) throws SQLException {
        Fixtures.createProject(admin, "APP");
        DatabaseCoordinates app = database.application();
        Assumptions.assumeFalse(app.user().equals(app.ownerUser()), "needs separate owner and application roles");
        try (Connection connection = DriverManager.getConnection(app.url(), app.user(), app.password());
                Statement statement = connection.createStatement()) {
            for (String sql : List.of("UPDATE audit_event SET description = 'changed'",
                    "DELETE FROM audit_event",
                    "TRUNCATE audit_event",
                    "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update",
                    "DROP TRIGGER audit_event_no_update ON audit_event")) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
                assertTrue(refused.getSQLState().equals("42501") || refused.getSQLState().startsWith("42"),
                        sql + " -> " + refused.getSQLState() + " " + refused.getMessage());
            }
        }
        try (Connection owner = DriverManager.getConnection(app.url(), app.ownerUser(), app.ownerPassword());
                Statement statement = owner.createStatement()) {
            assertThrows(SQLException.class, () -> statement.execute("UPDATE audit_event SET description = 'changed'"),
                    "even the owner meets the trigger");
        }
    }

    /** A finding's history, occurrences and release links are insert-only for the application (V31; B.2.4.2-kb). */
    @Test
    void theApplicationRoleCannotRewriteAFindingsHistory(TestDatabase database, Api admin) throws SQLException {
        Fixtures.createProject(admin, "HIST");
        DatabaseCoordinates app = database.application();
        Assumptions.assumeFalse(app.user().equals(app.ownerUser()), "needs separate owner and application roles");
        try (Connection connection = DriverManager.getConnection(app.url(), app.user(), app.password());
                Statement statement = connection.createStatement()) {
            for (String sql : List.of("UPDATE finding_event SET reason = 'rewritten'",
                    "UPDATE finding_occurrence SET title = 'rewritten'",
                    "UPDATE finding_release SET release_id = release_id",
                    "DELETE FROM finding_event",
                    "DELETE FROM finding_occurrence",
                    "INSERT INTO finding_open_change (project_key, bucket, severity_rank, delta)"
                            + " VALUES ('HIST', now(), 0, -1)")) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
                assertEquals("42501", refused.getSQLState(), sql + " -> " + refused.getMessage());
            }
            // what the application needs stays granted
            statement.execute("SELECT count(*) FROM finding_event");
        }
    }

    @Test
    void aRecordAlteredBehindTheTriggersBackIsFoundByVerification(TestDatabase database, Api admin, Users users)
            throws SQLException {
        Api auditor = users.withGlobalRole("AUDITOR");
        String key = Fixtures.createProject(admin, "TMP");
        long seq = events(auditor, "type=project.registered&target=" + q("project:" + key)).get(0).get("seq").asLong();
        JsonNode before = auditor.get("/api/v1/audit/verification").json();
        assertTrue(before.get("intact").asBoolean(), before::toString);

        DatabaseCoordinates superuser = database.superuser();
        Assumptions.assumeTrue(superuser.user().equals("postgres"), "needs a superuser to bypass the trigger");
        String original;
        try (Connection connection = DriverManager.getConnection(superuser.url(), superuser.user(), superuser.password());
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT description FROM audit_event WHERE seq = " + seq)) {
                rows.next();
                original = rows.getString(1);
            }
            statement.execute("SET session_replication_role = replica");
            statement.execute("UPDATE audit_event SET description = 'nothing to see here' WHERE seq = " + seq);
            try {
                JsonNode after = auditor.get("/api/v1/audit/verification").json();
                assertFalse(after.get("intact").asBoolean(), after::toString);
                assertEquals(seq, after.get("firstBrokenSeq").asLong());
            } finally {
                try (var restore = connection.prepareStatement("UPDATE audit_event SET description = ? WHERE seq = ?")) {
                    restore.setString(1, original);
                    restore.setLong(2, seq);
                    restore.executeUpdate();
                }
            }
        }
        assertTrue(auditor.get("/api/v1/audit/verification").json().get("intact").asBoolean(), "restored");
    }

    @Test
    void parallelChangesKeepOneUnbrokenChain(Api admin, Users users) throws Exception {
        Api auditor = users.withGlobalRole("AUDITOR");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String key = Fixtures.uniqueKey("PAR");
                replies.add(pool.submit(() -> admin.post("/api/v1/projects", Fixtures.project(key, "parallel", 1))));
            }
            for (Future<Api.Reply> reply : replies) {
                assertEquals(201, reply.get().status(), () -> reply.toString());
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode verification = auditor.get("/api/v1/audit/verification").json();
        assertTrue(verification.get("intact").asBoolean(), verification::toString);
        assertTrue(verification.get("recordsChecked").asLong() >= 40);
    }

    @Test
    void repeatedDenialsAlertTheSecurityAdministrators(Api admin, Users users, TestDatabase database) throws SQLException {
        Api developer = users.withProjectRole("DEVELOPER", Fixtures.createProject(admin, "ALR"));
        for (int i = 0; i < 5; i++) {
            assertProblem(developer.get("/api/v1/accounts"), 403, "forbidden");
        }
        DatabaseCoordinates owner = database.owner();
        try (Connection connection = DriverManager.getConnection(owner.url(), owner.user(), owner.password());
                var statement = connection.prepareStatement(
                        "SELECT count(*) FROM notification WHERE audience = 'SECURITY_ADMINISTRATOR' AND subject LIKE ?")) {
            statement.setString(1, "%" + developer.loginName() + "%");
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                assertEquals(1, rows.getInt(1));
            }
        }
        Api securityAdministrator = users.withGlobalRole("SECURITY_ADMINISTRATOR");
        assertTrue(securityAdministrator.get("/api/v1/notifications").body().contains(developer.loginName()),
                "the alert is visible in the platform");
        assertEquals("[]", users.withGlobalRole("ADMINISTRATOR").get("/api/v1/notifications").body(),
                "addressed to security administrators only");
    }

    @Test
    void auditorsExportTheTrailAsCsvAndJson(Api admin, Users users) {
        Api auditor = users.withGlobalRole("AUDITOR");
        String key = Fixtures.createProject(admin, "EXP");
        String filter = "type=project.registered&target=" + q("project:" + key);
        Api.Reply csv = auditor.get("/api/v1/audit/export?format=csv&" + filter);
        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        String[] lines = csv.body().split("\r\n");
        assertEquals("\uFEFFseq,occurredAt,actor,actorKind,address,type,target,description,result,hash", lines[0]);
        assertEquals(2, lines.length, csv.body());
        assertTrue(lines[1].contains(",admin,PERSON," + admin.address() + ",project.registered,project:" + key + ","));

        Api.Reply json = auditor.get("/api/v1/audit/export?format=json&" + filter);
        assertEquals(200, json.status());
        JsonNode records = json.json();
        assertEquals(1, records.size());
        assertEquals("project:" + key, records.get(0).get("target").asText());
        assertEquals(64, records.get(0).get("hash").asText().length());
        assertProblem(auditor.get("/api/v1/audit/export?format=xml"), 400, "bad-request");
    }
}
