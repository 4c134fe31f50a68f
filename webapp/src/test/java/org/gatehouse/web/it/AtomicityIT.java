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
}
