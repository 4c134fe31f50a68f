package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gatehouse.launcher.DatabaseCoordinates;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A project's first import of a scanner into a release named by the upload's address creates its findings while the
 * report arrives, on a connection of their own, committed with the import in one two-phase commit (issue 4, ADR 0007
 * second amendment; B.1.3.1-ih: every result a tracked defect). The findings are the very ones the import would create
 * after the upload; a failure at any point, also after the findings' transaction was prepared, leaves none; prepared
 * findings a stop left behind end with their import's outcome.
 */
@ExtendWith(GatehouseServer.class)
class FirstImportIT {

    /**
     * Duplicates, a fingerprint whose first occurrence is suppressed at the source and a later one is not, and one
     * suppressed in every occurrence: {rule, path, line, snippet, suppressed}.
     */
    static byte[] report() {
        String[][] results = {
            {"R1", "src/shop/Cart.java", "10", "stmt.execute(sql + id)", "yes"},
            {"R1", "src/shop/Cart.java", "50", "stmt.execute(sql + id)", ""},
            {"R2", "src/shop/Login.java", "30", "if (pw.equals(x))", "yes"},
            {"R1", "src/shop/Order.java", "20", "stmt.execute(q + name)", ""},
            {"R1", "src/shop/Order.java", "21", "stmt.execute(q + name)", ""},
            {"R2", "src/shop/Login.java", "31", "if (pw.equals(x))", "yes"},
        };
        StringBuilder json = new StringBuilder("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"Demo\","
                + "\"version\":\"1.0\",\"rules\":[{\"id\":\"R1\",\"properties\":{\"security-severity\":\"8.1\"}},"
                + "{\"id\":\"R2\"}]}},\"results\":[");
        for (int i = 0; i < results.length; i++) {
            String[] r = results[i];
            json.append(i == 0 ? "" : ",").append("{\"ruleId\":\"").append(r[0]).append("\",\"level\":\"")
                    .append(r[0].equals("R2") ? "warning" : "error").append("\",\"message\":{\"text\":\"problem in ")
                    .append(r[1]).append("\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"")
                    .append(r[1]).append("\"},\"region\":{\"startLine\":").append(r[2]).append(",\"snippet\":{\"text\":\"")
                    .append(r[3]).append("\"}}}}]")
                    .append(r[4].isEmpty() ? "" : ",\"suppressions\":[{\"kind\":\"inSource\",\"justification\":\"reviewed\"}]")
                    .append('}');
        }
        return json.append("]}]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findingsCreatedWhileTheReportArrivesAreThoseCreatedAfterIt(Api admin, Users users, TestDatabase database)
            throws SQLException {
        assumeTwoPhaseCommit(database);
        SideBySide pair = SideBySide.of(admin, users, "FIRSTS", "FIRSTA");
        Api owner = pair.owner();
        String release = pair.release();

        Api.Reply streamed = owner.upload(release, "scan.sarif", report(), "scanner", "sarif");
        // by the project's address, the release is named in the form: it is known only after the upload
        Api.Reply after = pair.otherOwner().uploadToProject(pair.afterProject(), "scan.sarif", report(), "scanner", "sarif",
                "releaseVersion", "1.0");
        assertEquals(201, streamed.status(), streamed::toString);
        assertEquals(201, after.status(), after::toString);
        assertEquals(after.json().get("counts"), streamed.json().get("counts"), "the same counts");
        assertEquals(3, streamed.json().get("counts").get("created").asInt(), streamed::toString);

        try (Connection c = connect(database.superuser())) {
            assertTrue(createdWhileArriving(c, pair.streamedProject()), "findings created before the import's row existed");
            assertFalse(createdWhileArriving(c, pair.afterProject()), "findings created after the upload");
            List<String> expected = findings(c, pair.afterProject());
            assertEquals(3, expected.size(), expected::toString);
            assertTrue(expected.stream().anyMatch(f -> f.contains("src/shop/Cart.java:50") && f.contains("|NEW|")),
                    "the first occurrence not suppressed represents a finding: " + expected);
            assertTrue(expected.stream().anyMatch(f -> f.contains("src/shop/Login.java:30") && f.contains("|SUPPRESSED|")),
                    "suppressed in every occurrence: suppressed at the source: " + expected);
            assertEquals(expected, findings(c, pair.streamedProject()), "the same findings, whichever the way");
            assertEquals(trend(c, pair.afterProject()), trend(c, pair.streamedProject()), "the same open counts in the trends");
            assertEquals(List.of("1", "2", "3"), query(c, "SELECT (('x' || right(replace(id::text, '-', ''), 8))::bit(32))::int"
                    + " FROM finding WHERE project_key = '" + pair.streamedProject() + "' ORDER BY id"),
                    "ids count up from one UUIDv7 of the import");
        }
        assertEquals(3, owner.get("/api/v1/findings?project=" + pair.streamedProject()).json().get("items").size());
        // the scope's lock was released with the import: a re-import matches the findings as usual
        Api.Reply again = owner.upload(release, "scan.sarif", report(), "scanner", "sarif");
        assertEquals(3, again.json().get("counts").get("unchanged").asInt(), again::toString);
    }

    /** Real reports of every format (ZAP's URLs, SpotBugs' classes, SARIF suppressions, Gitleaks): the same either way. */
    @Test
    void realReportsGiveTheSameFindingsEitherWay(Api admin, Users users, TestDatabase database) throws SQLException {
        assumeTwoPhaseCommit(database);
        SideBySide pair = SideBySide.of(admin, users, "FIRSTR", "FIRSTB");
        Api owner = pair.owner();
        String release = pair.release();
        String[][] reports = {{"zap", "zap-results-first-scan.xml"}, {"spotbugs", "version_4.4.0.xml"},
            {"sarif", "suppression_test.sarif"}, {"gitleaks", "gitleaks8_many.json"}};
        for (String[] report : reports) {
            byte[] content = FindingsIT.fixture(report[1]);
            Api.Reply streamed = owner.upload(release, report[1], content, "scanner", report[0]);
            Api.Reply after = pair.otherOwner().uploadToProject(pair.afterProject(), report[1], content, "scanner", report[0],
                    "releaseVersion", "1.0");
            assertEquals(201, streamed.status(), streamed::toString);
            assertEquals(after.json().get("counts"), streamed.json().get("counts"), report[1]);
        }
        try (Connection c = connect(database.superuser())) {
            assertTrue(createdWhileArriving(c, pair.streamedProject()));
            assertFalse(createdWhileArriving(c, pair.afterProject()));
            List<String> expected = findings(c, pair.afterProject());
            assertTrue(expected.size() > 20, expected::toString);
            assertEquals(expected, findings(c, pair.streamedProject()));
            assertEquals(trend(c, pair.afterProject()), trend(c, pair.streamedProject()));
        }
    }

    /**
     * Two first imports of one project and scanner at once: one streams its findings under the scope's lock, the other
     * (which cannot take it) waits for that lock after its upload and matches the findings once they are committed.
     * Each finding is created once and both imports complete.
     */
    @Test
    void concurrentFirstImportsOfOneScopeCreateEachFindingOnce(Api admin, Users users, TestDatabase database)
            throws Exception {
        String project = Fixtures.createProject(admin, "FIRSTC");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id")
                .asText();
        int results = 5_000;
        StringBuilder json = new StringBuilder("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"Demo\","
                + "\"rules\":[{\"id\":\"R1\"}]}},\"results\":[");
        for (int i = 0; i < results; i++) {
            json.append(i == 0 ? "" : ",").append("{\"ruleId\":\"R1\",\"message\":{\"text\":\"m\"},\"locations\":[{")
                    .append("\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/C").append(i)
                    .append(".java\"},\"region\":{\"startLine\":7}}}]}");
        }
        byte[] report = json.append("]}]}").toString().getBytes(StandardCharsets.UTF_8);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Api.Reply> a = two.submit(() -> owner.upload(release, "a.sarif", report, "scanner",
                    "sarif", "category", "a"));
            java.util.concurrent.Future<Api.Reply> b = two.submit(() -> owner.upload(release, "b.sarif", report, "scanner",
                    "sarif", "category", "b"));
            com.fasterxml.jackson.databind.JsonNode first = a.get().json();
            com.fasterxml.jackson.databind.JsonNode second = b.get().json();
            assertEquals("COMPLETED", first.path("status").asText(), first::toString);
            assertEquals("COMPLETED", second.path("status").asText(), second::toString);
            int created = first.get("counts").get("created").asInt() + second.get("counts").get("created").asInt();
            int unchanged = first.get("counts").get("unchanged").asInt() + second.get("counts").get("unchanged").asInt();
            assertEquals(results, created, first + " / " + second);
            assertEquals(results, unchanged, first + " / " + second);
        } finally {
            two.shutdownNow();
        }
        try (Connection c = connect(database.superuser())) {
            assertEquals(List.of(Integer.toString(results)), query(c, "SELECT count(*) FROM finding WHERE project_key = '"
                    + project + "'"), "each finding once");
            assertEquals(List.of("0"), query(c, "SELECT count(*) FROM pg_prepared_xacts WHERE starts_with(gid,"
                    + " 'gatehouse-import-') AND prepared < now() - interval '10 seconds'"), "no prepared transaction left");
        }
    }

    /**
     * More than 10,000 fingerprints waiting for an occurrence not suppressed at the source (memory stays bounded):
     * the stream is given up and the import creates its findings after the upload, the same ones.
     */
    @Test
    void tooManySuppressedFirstOccurrencesFallBackToCreatingAfterTheUpload(Api admin, Users users, TestDatabase database)
            throws SQLException {
        assumeTwoPhaseCommit(database);
        String project = Fixtures.createProject(admin, "FIRSTW");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id")
                .asText();
        StringBuilder json = new StringBuilder("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"Demo\","
                + "\"rules\":[{\"id\":\"R1\"}]}},\"results\":[");
        int waiting = 10_001;
        for (int i = 0; i <= waiting; i++) {
            // the last result repeats the first one's fingerprint, not suppressed
            int file = i == waiting ? 0 : i;
            json.append(i == 0 ? "" : ",").append("{\"ruleId\":\"R1\",\"message\":{\"text\":\"m\"},\"locations\":[{")
                    .append("\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/F").append(file)
                    .append(".java\"},\"region\":{\"startLine\":").append(i + 1).append("}}}]")
                    .append(i == waiting ? "" : ",\"suppressions\":[{\"kind\":\"inSource\"}]").append('}');
        }
        byte[] report = json.append("]}]}").toString().getBytes(StandardCharsets.UTF_8);
        Api.Reply imported = owner.upload(release, "many.sarif", report, "scanner", "sarif");
        assertEquals(201, imported.status(), imported::toString);
        assertEquals(waiting, imported.json().get("counts").get("created").asInt(), imported::toString);
        try (Connection c = connect(database.superuser())) {
            assertFalse(createdWhileArriving(c, project), "created after the upload");
            assertEquals(List.of("NEW:1", "SUPPRESSED:" + (waiting - 1)), query(c, "SELECT state || ':' || count(*)"
                    + " FROM finding WHERE project_key = '" + project + "' GROUP BY state ORDER BY state"));
            assertEquals(List.of("src/F0.java:" + (waiting + 1)), query(c, "SELECT location FROM finding WHERE project_key = '"
                    + project + "' AND state = 'NEW'"), "represented by its first occurrence not suppressed");
        }
    }

    /**
     * A fault when the import commits, after the findings' own transaction was prepared, takes both back: no finding,
     * no occurrence, no prepared transaction left; the scope's lock is free again.
     */
    @Test
    void aFirstImportThatFailsAtItsCommitLeavesNothingBehind(Api admin, Users users, TestDatabase database)
            throws SQLException {
        assumeTwoPhaseCommit(database);
        Assumptions.assumeTrue(database.superuser().user().equals("postgres"), "needs a superuser to add a trigger");
        String project = Fixtures.createProject(admin, "FIRSTF");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id")
                .asText();
        Api.Reply lost;
        try (Connection c = connect(database.superuser()); Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION first_import_it_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF NEW.description LIKE '%category lostatcommit%' THEN RAISE EXCEPTION 'injected fault'; END IF;"
                    + " RETURN NEW; END $$");
            // deferred: it fires when the import's transaction commits, after the findings' one was prepared
            s.execute("CREATE CONSTRAINT TRIGGER first_import_it_fault AFTER INSERT ON audit_event DEFERRABLE INITIALLY"
                    + " DEFERRED FOR EACH ROW EXECUTE FUNCTION first_import_it_fault()");
            try {
                lost = owner.upload(release, "scan.sarif", report(), "scanner", "sarif", "category", "lostatcommit");
            } finally {
                s.execute("DROP TRIGGER first_import_it_fault ON audit_event");
                s.execute("DROP FUNCTION first_import_it_fault()");
            }
            assertEquals("FAILED", lost.json().path("status").asText(), lost::toString);
            assertFalse(lost.body().contains("injected fault"), "no database detail leaks: " + lost.body());
            String id = lost.json().get("id").asText();
            assertEquals(List.of("0"), query(c, "SELECT count(*) FROM finding WHERE project_key = '" + project + "'"));
            assertEquals(List.of("0"), query(c, "SELECT count(*) FROM finding_occurrence WHERE import_id = '" + id + "'"));
            assertEquals(List.of("0"), query(c, "SELECT count(*) FROM pg_prepared_xacts WHERE gid = 'gatehouse-import-" + id
                    + "'"), "the prepared findings were rolled back");
        }
        Api.Reply again = owner.upload(release, "scan.sarif", report(), "scanner", "sarif", "category", "lostatcommit");
        assertEquals("COMPLETED", again.json().path("status").asText(), again::toString);
        try (Connection c = connect(database.superuser())) {
            assertTrue(createdWhileArriving(c, project), "the retry streamed its findings again");
        }
        assertEquals(3, owner.get("/api/v1/findings?project=" + project).json().get("items").size());
    }

    /**
     * Findings left prepared by a stop between the import's commit and theirs (or before the import's end) are ended
     * by the import's outcome: committed when it completed, rolled back otherwise (checked every 2 s in the tests).
     */
    @Test
    void preparedFindingsLeftBehindEndWithTheirImport(Api admin, Users users, TestDatabase database) throws Exception {
        assumeTwoPhaseCommit(database);
        String project = Fixtures.createProject(admin, "FIRSTP");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id")
                .asText();
        String completed = owner.upload(release, "scan.sarif", report(), "scanner", "sarif").json().get("id").asText();
        String unknown = UUID.randomUUID().toString();
        UUID kept = UUID.randomUUID();
        UUID lost = UUID.randomUUID();
        // as the application's role, which prepares them (only it or a superuser may end them)
        try (Connection c = connect(database.application()); Statement s = c.createStatement()) {
            for (String[] prepared : new String[][] {{completed, kept.toString()}, {unknown, lost.toString()}}) {
                c.setAutoCommit(false);
                s.execute("INSERT INTO finding_release (release_id, finding_id) VALUES ('" + release + "', '" + prepared[1]
                        + "')");
                s.execute("PREPARE TRANSACTION 'gatehouse-import-" + prepared[0] + "'");
                c.setAutoCommit(true);
            }
        }
        try (Connection c = connect(database.superuser())) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!query(c, "SELECT count(*) FROM pg_prepared_xacts WHERE gid IN ('gatehouse-import-" + completed
                    + "', 'gatehouse-import-" + unknown + "')").equals(List.of("0"))) {
                assertTrue(System.nanoTime() < deadline, "the prepared findings are ended within 30 s");
                Thread.sleep(200);
            }
            assertEquals(List.of(kept.toString()), query(c, "SELECT finding_id FROM finding_release WHERE finding_id IN ('"
                    + kept + "', '" + lost + "')"), "committed for the completed import, rolled back for the unknown one");
        }
    }

    /**
     * Two new projects with a release 1.0 each, for the same report imported both ways: by the first project's release
     * address (findings in the stream) and by the second project's address (findings after the upload).
     */
    record SideBySide(String streamedProject, String afterProject, Api owner, Api otherOwner, String release) {
        static SideBySide of(Api admin, Users users, String streamedPrefix, String afterPrefix) {
            String streamed = Fixtures.createProject(admin, streamedPrefix);
            String after = Fixtures.createProject(admin, afterPrefix);
            Api owner = users.withProjectRole("PROJECT_OWNER", streamed);
            Api otherOwner = users.withProjectRole("PROJECT_OWNER", after);
            String release = owner.post("/api/v1/projects/" + streamed + "/releases", "{\"version\":\"1.0\"}").json()
                    .get("id").asText();
            otherOwner.post("/api/v1/projects/" + after + "/releases", "{\"version\":\"1.0\"}");
            return new SideBySide(streamed, after, owner, otherOwner, release);
        }
    }

    private static void assumeTwoPhaseCommit(TestDatabase database) throws SQLException {
        try (Connection c = connect(database.application())) {
            Assumptions.assumeTrue(!query(c, "SHOW max_prepared_transactions").equals(List.of("0")),
                    "the database allows prepared transactions (the embedded one does)");
        }
    }

    private static boolean createdWhileArriving(Connection c, String project) throws SQLException {
        return query(c, "SELECT bool_and(f.created_at < r.created_at) FROM finding f JOIN report_import r"
                + " ON r.id = f.first_import WHERE f.project_key = '" + project + "'").equals(List.of("t"));
    }

    /** Everything a finding shows but its ids, release and times (only their differences). */
    static List<String> findings(Connection c, String project) throws SQLException {
        return query(c, "SELECT concat_ws('|', fingerprint, scanner, tool, rule_id, title, severity, severity_rank, cwe,"
                + " location, state, suppression, due_at - created_at, state_changed_at = created_at, row_version,"
                + " requested_state, fixed_import, accepted_until) FROM finding WHERE project_key = '" + project
                + "' ORDER BY fingerprint");
    }

    static List<String> trend(Connection c, String project) throws SQLException {
        return query(c, "SELECT severity_rank || ':' || sum(delta) FROM finding_open_change WHERE project_key = '" + project
                + "' GROUP BY severity_rank ORDER BY severity_rank");
    }

    static List<String> query(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    static Connection connect(DatabaseCoordinates as) throws SQLException {
        return DriverManager.getConnection(as.url(), as.user(), as.password());
    }
}
