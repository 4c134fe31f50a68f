package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.gatehouse.launcher.DatabaseCoordinates;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A change is all or nothing (ADR 0025): a failure after the first row of a change was written takes that row back
 * with it. The failure is injected by a trigger on the audit trail, the last write of almost every change, so the
 * requirement's row (written first, with plain JDBC on the transaction's connection) must not survive it. Before
 * ADR 0025 it did: JPA handed out a connection in auto-commit.
 */
@ExtendWith(GatehouseServer.class)
class AtomicityIT {

    @Test
    void aFailureAfterTheFirstWriteLeavesNothingBehind(Api admin, Users users, TestDatabase database) throws SQLException {
        DatabaseCoordinates superuser = database.superuser();
        Assumptions.assumeTrue(superuser.user().equals("postgres"), "needs a superuser to add a trigger");
        String project = Fixtures.createProject(admin, "ATOM");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id")
                .asText();
        String requirements = "/api/v1/releases/" + release + "/requirements";
        assertEquals(201, owner.post(requirements, "{\"title\":\"Kept before the fault\"}").status());

        try (Connection connection = DriverManager.getConnection(superuser.url(), superuser.user(), superuser.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE FUNCTION atomicity_it_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF NEW.description LIKE '%Lost with the fault%' THEN RAISE EXCEPTION 'injected fault'; END IF;"
                    + " RETURN NEW; END $$");
            statement.execute("CREATE TRIGGER atomicity_it_fault BEFORE INSERT ON audit_event FOR EACH ROW"
                    + " EXECUTE FUNCTION atomicity_it_fault()");
            try {
                Api.Reply failed = owner.post(requirements, "{\"title\":\"Lost with the fault\"}");
                assertEquals(500, failed.status(), failed::toString);
                assertFalse(failed.body().contains("injected fault"), "no database detail leaks: " + failed.body());
                // a change whose first database work is plain JDBC (no JPA query before it): the case that broke
                Api.Reply upload = owner.postForm("/api/v1/projects/" + project + "/uploaded-documents", "lost.pdf",
                        "%PDF-1.4 lost".getBytes(StandardCharsets.UTF_8), "title", "Lost with the fault", "category", "design",
                        "classification", "internal", "changeNote", "first issue", "securityImpact", "none");
                assertEquals(500, upload.status(), upload::toString);
            } finally {
                statement.execute("DROP TRIGGER atomicity_it_fault ON audit_event");
                statement.execute("DROP FUNCTION atomicity_it_fault()");
            }
        }

        String listed = owner.get(requirements).body();
        assertTrue(listed.contains("Kept before the fault"), listed);
        assertFalse(listed.contains("Lost with the fault"), "the requirement's row must go back with the fault: " + listed);
        String documents = owner.get("/api/v1/projects/" + project + "/uploaded-documents").body();
        assertFalse(documents.contains("Lost with the fault"), "the document's rows must go back with the fault: " + documents);
        assertEquals(201, owner.post(requirements, "{\"title\":\"Lost with the fault\"}").status(),
                "and the same change succeeds once the fault is gone");
    }

    /**
     * An import parsed while its upload arrives (issue 4, ADR 0007) commits its occurrences with its findings or not at
     * all: a fault at its audit record, after the occurrences and the findings were written, leaves no occurrence, no
     * finding, and the import recorded as failed. No occurrence anywhere belongs to an import that did not complete.
     */
    @Test
    void aStreamedImportThatFailsLeavesNoOccurrenceBehind(Api admin, Users users, TestDatabase database) throws SQLException {
        DatabaseCoordinates superuser = database.superuser();
        Assumptions.assumeTrue(superuser.user().equals("postgres"), "needs a superuser to add a trigger");
        String project = Fixtures.createProject(admin, "ATOMS");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id")
                .asText();
        byte[] report = FindingsIT.sarif("", 0, FindingsIT.A, FindingsIT.B);
        Api.Reply kept = owner.upload(release, "scan.sarif", report, "scanner", "sarif", "category", "kept");
        assertEquals(201, kept.status(), kept::toString);
        try (Connection connection = DriverManager.getConnection(superuser.url(), superuser.user(), superuser.password());
                Statement statement = connection.createStatement()) {
            try (java.sql.ResultSet row = statement.executeQuery("SELECT started_at < created_at FROM report_import WHERE id = '"
                    + kept.json().get("id").asText() + "'")) {
                assertTrue(row.next() && row.getBoolean(1), "the report was parsed before the upload ended (streamed)");
            }
            statement.execute("CREATE FUNCTION atomicity_it_import_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF NEW.description LIKE '%category lostwithfault%' THEN RAISE EXCEPTION 'injected fault'; END IF;"
                    + " RETURN NEW; END $$");
            statement.execute("CREATE TRIGGER atomicity_it_import_fault BEFORE INSERT ON audit_event FOR EACH ROW"
                    + " EXECUTE FUNCTION atomicity_it_import_fault()");
            Api.Reply lost;
            try {
                lost = owner.upload(release, "scan.sarif", report, "scanner", "sarif", "category", "lostwithfault");
            } finally {
                statement.execute("DROP TRIGGER atomicity_it_import_fault ON audit_event");
                statement.execute("DROP FUNCTION atomicity_it_import_fault()");
            }
            assertEquals("FAILED", lost.json().path("status").asText(), lost::toString);
            assertEquals("internal-error", lost.json().path("errorType").asText(), lost::toString);
            assertFalse(lost.body().contains("injected fault"), "no database detail leaks: " + lost.body());
            try (java.sql.ResultSet rows = statement.executeQuery("SELECT count(*) FROM finding_occurrence WHERE import_id = '"
                    + lost.json().get("id").asText() + "'")) {
                rows.next();
                assertEquals(0, rows.getInt(1), "the failed import's occurrences went back with it");
            }
            // run after the other tests of the suite: a refused or abandoned upload of any of them left nothing either
            try (java.sql.ResultSet rows = statement.executeQuery("SELECT o.import_id, r.status, r.error_type, count(*)"
                    + " FROM finding_occurrence o LEFT JOIN report_import r ON r.id = o.import_id"
                    + " WHERE r.status IS DISTINCT FROM 'COMPLETED' GROUP BY 1, 2, 3")) {
                StringBuilder orphans = new StringBuilder();
                while (rows.next()) {
                    orphans.append(rows.getString(1)).append(' ').append(rows.getString(2)).append(' ')
                            .append(rows.getString(3)).append(": ").append(rows.getLong(4)).append("; ");
                }
                assertEquals("", orphans.toString(), "no occurrence of an import that did not complete, anywhere");
            }
        }
        assertEquals(2, owner.get("/api/v1/findings?project=" + project).json().get("items").size(),
                "the findings of the kept import only");
        Api.Reply again = owner.upload(release, "scan.sarif", report, "scanner", "sarif", "category", "lostwithfault");
        assertEquals("COMPLETED", again.json().path("status").asText(), "and the same import succeeds once the fault is gone");
    }
}
