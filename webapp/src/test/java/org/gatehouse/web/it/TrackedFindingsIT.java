package org.gatehouse.web.it;

import static org.gatehouse.web.it.FindingsIT.A;
import static org.gatehouse.web.it.FindingsIT.B;
import static org.gatehouse.web.it.FindingsIT.C;
import static org.gatehouse.web.it.FirstImportIT.connect;
import static org.gatehouse.web.it.FirstImportIT.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A re-import into a release named by the upload's address reads the findings it will be matched with while its
 * report arrives, and matches its groups in memory after the upload instead of joining them in SQL (issue 4, ADR 0007
 * third amendment; B.1.3.1-ih: defects tracked until fixed and re-tested). The outcome is the one matched in SQL; what
 * was read is not used when another import of the scope completed meanwhile; and triage decisions taken while the
 * report arrived stick (the state read then only pre-selects).
 *
 * <p>Which way an import went shows in the ids of the findings it created: matched in memory, they count up from one
 * among the created ones; matched in SQL, each counts its fingerprint's rank among all the import's fingerprints.
 */
@ExtendWith(GatehouseServer.class)
class TrackedFindingsIT {
    static final String[] D = {"R1", "src/main/java/shop/Pay.java", "40", "pay(amount)"};
    static final String[] E = {"R2", "src/main/java/shop/Ship.java", "50", "ship(address)"};

    @Test
    void reImportsMatchedInMemoryEqualThoseMatchedInSql(Api admin, Users users, TestDatabase database) throws SQLException {
        FirstImportIT.SideBySide pair = FirstImportIT.SideBySide.of(admin, users, "TRACKM", "TRACKS");
        Api developer = users.withProjectRole("DEVELOPER", pair.streamedProject());
        Api otherDeveloper = users.withProjectRole("DEVELOPER", pair.afterProject());

        assertEquals(3, both(pair, FindingsIT.sarif("", 0, A, B, C)).get("created").asInt());
        JsonNode second = both(pair, FindingsIT.sarif("", 0, A, C, D, E));
        assertEquals(List.of(2, 1, 2), List.of(second.get("created").asInt(), second.get("closed").asInt(),
                second.get("unchanged").asInt()), second::toString);
        try (Connection c = connect(database.superuser())) {
            assertEquals(List.of("1", "2"), counters(c, pair.streamedProject(), D, E), "matched in memory");
            assertNotEquals(List.of("1", "2"), counters(c, pair.afterProject(), D, E), "the two ways tell apart");
            // a fix claimed by hand in both
            markFixed(developer, c, pair.streamedProject(), A);
            markFixed(otherDeveloper, c, pair.afterProject(), A);
        }
        // another checkout prefix and shifted lines: A (fixed by hand) and B (closed by a scan) reappear, E is gone
        byte[] moved = FindingsIT.sarif("/home/ci/work/", 7, A, B, C, D);
        JsonNode third = both(pair, moved);
        assertEquals(List.of(0, 2, 1, 2), List.of(third.get("created").asInt(), third.get("reopened").asInt(),
                third.get("closed").asInt(), third.get("unchanged").asInt()), third::toString);
        assertEquals(4, both(pair, moved).get("unchanged").asInt());

        try (Connection c = connect(database.superuser())) {
            assertEquals(findings(c, pair.afterProject()), findings(c, pair.streamedProject()));
            assertEquals(FirstImportIT.trend(c, pair.afterProject()), FirstImportIT.trend(c, pair.streamedProject()));
            assertEquals(events(c, pair.afterProject()), events(c, pair.streamedProject()));
            assertEquals(releaseLinks(c, pair.afterProject()), releaseLinks(c, pair.streamedProject()));
        }
    }

    /**
     * An import of the same project and scanner completes while a re-import's report still arrives: what the re-import
     * read before is stale (a finding the other one created is missing from it), so it matches in SQL, and completes.
     */
    @Test
    void whatWasReadIsNotUsedWhenAnotherImportCompletedMeanwhile(Api admin, Users users, TestDatabase database)
            throws Exception {
        String project = Fixtures.createProject(admin, "TRACKC");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id")
                .asText();
        imported(owner.upload(release, "scan.sarif", FindingsIT.sarif("", 0, A, B), "scanner", "sarif"));

        CountDownLatch gate = new CountDownLatch(1);
        CompletableFuture<Api.Reply> arriving = owner.uploadInTwoHalves(release, "scan.sarif",
                FindingsIT.sarif("", 0, A, B, C, D), gate, "scanner", "sarif", "category", "a");
        Thread.sleep(2_000); // the findings are read when the upload starts, in milliseconds
        JsonNode other = imported(owner.upload(release, "scan.sarif", FindingsIT.sarif("", 0, A, B, C), "scanner", "sarif",
                "category", "b"));
        assertEquals(1, other.get("created").asInt(), other::toString); // C
        gate.countDown();
        JsonNode late = imported(arriving.get());
        assertEquals(List.of(1, 3), List.of(late.get("created").asInt(), late.get("unchanged").asInt()), late::toString);

        try (Connection c = connect(database.superuser())) {
            String rank = rank(c, project, D);
            assertNotEquals("1", rank, "the fixture tells the two ways apart");
            assertEquals(List.of(rank), counters(c, project, D), "matched in SQL");
            assertEquals(List.of("4"), query(c, "SELECT count(*) FROM finding WHERE project_key = '" + project + "'"));
        }
    }

    /**
     * While a re-import's report arrives, a false positive is approved and a fix claimed by hand passes its re-test.
     * The report says the first is suppressed at the source and still finds the second: the false positive stays one
     * (a triage decision sticks), and the fixed one reopens from the state it really had.
     */
    @Test
    void triageWhileTheReportArrivesSticks(Api admin, Users users, TestDatabase database) throws Exception {
        String project = Fixtures.createProject(admin, "TRACKT");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api reviewer = users.withProjectRole("SECURITY_REVIEWER", project);
        Api tester = users.withProjectRole("TESTER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id")
                .asText();
        imported(owner.upload(release, "scan.sarif", FindingsIT.sarif("", 0, A, B, C), "scanner", "sarif"));
        String a;
        String b;
        try (Connection c = connect(database.superuser())) {
            a = id(c, project, A);
            b = id(c, project, B);
        }
        assertEquals(200, developer.post("/api/v1/findings/" + b + "/triage", "{\"action\":\"request-false-positive\","
                + "\"reason\":\"the query is a constant\"}", "If-Match", "*").status());
        assertEquals(200, developer.post("/api/v1/findings/" + a + "/triage", "{\"action\":\"mark-fixed\"}", "If-Match", "*")
                .status());

        CountDownLatch gate = new CountDownLatch(1);
        CompletableFuture<Api.Reply> arriving = owner.uploadInTwoHalves(release, "scan.sarif", suppressed(B, A, C, D), gate,
                "scanner", "sarif");
        Thread.sleep(2_000); // read: A fixed (unverified), B new
        Api.Reply approved = reviewer.post("/api/v1/findings/" + b + "/decision", "{\"approve\":true,\"reason\":\"checked\"}",
                "If-Match", "*");
        assertEquals("FALSE_POSITIVE", approved.json().get("state").asText(), approved::toString);
        Api.Reply retested = tester.post("/api/v1/findings/" + a + "/retest", "{\"passed\":true}", "If-Match", "*");
        assertEquals("VERIFIED", retested.json().get("state").asText(), retested::toString);
        gate.countDown();
        JsonNode counts = imported(arriving.get());
        assertEquals(List.of(1, 1), List.of(counts.get("created").asInt(), counts.get("reopened").asInt()),
                counts::toString);

        try (Connection c = connect(database.superuser())) {
            assertEquals(List.of("FALSE_POSITIVE"), query(c, "SELECT state FROM finding WHERE id = '" + b + "'"),
                    "a dismissal approved while the report arrived sticks");
            assertEquals(List.of("VERIFIED->REOPENED"), query(c, "SELECT from_state || '->' || to_state FROM finding_event"
                    + " WHERE finding_id = '" + a + "' AND import_id IS NOT NULL"), "reopened from the state it had");
            assertNotEquals("1", rank(c, project, D), "the fixture tells the two ways apart");
            assertEquals(List.of("1"), counters(c, project, D), "matched in memory");
        }
    }

    /** Uploads {@code report} into both projects of {@code pair}, by the release's and by the project's address. */
    private static JsonNode both(FirstImportIT.SideBySide pair, byte[] report) {
        JsonNode streamed = imported(pair.owner().upload(pair.release(), "scan.sarif", report, "scanner", "sarif"));
        JsonNode after = imported(pair.otherOwner().uploadToProject(pair.afterProject(), "scan.sarif", report, "scanner",
                "sarif", "releaseVersion", "1.0"));
        assertEquals(after, streamed, "the same counts either way");
        return streamed;
    }

    private static JsonNode imported(Api.Reply reply) {
        assertEquals(201, reply.status(), reply::toString);
        assertEquals("COMPLETED", reply.json().get("status").asText(), reply::toString);
        return reply.json().get("counts");
    }

    private static void markFixed(Api developer, Connection c, String project, String[] result) throws SQLException {
        Api.Reply fixed = developer.post("/api/v1/findings/" + id(c, project, result) + "/triage",
                "{\"action\":\"mark-fixed\"}", "If-Match", "*");
        assertEquals("FIXED_UNVERIFIED", fixed.json().get("state").asText(), fixed::toString);
    }

    private static String id(Connection c, String project, String[] result) throws SQLException {
        return query(c, "SELECT id FROM finding WHERE project_key = '" + project + "' AND location LIKE '" + result[1]
                + ":%'").get(0);
    }

    /** The counters in the last 32 bits of the findings' ids at these results' paths. */
    private static List<String> counters(Connection c, String project, String[]... results) throws SQLException {
        StringBuilder paths = new StringBuilder();
        for (String[] result : results) {
            paths.append(paths.length() == 0 ? "" : ", ").append('\'').append(result[1]).append('\'');
        }
        return query(c, "SELECT (('x' || right(replace(id::text, '-', ''), 8))::bit(32))::int FROM finding WHERE project_key = '"
                + project + "' AND split_part(location, ':', 1) IN (" + paths + ") ORDER BY 1");
    }

    /** The rank of a result's fingerprint among all the project's fingerprints: its counter when matched in SQL. */
    private static String rank(Connection c, String project, String[] result) throws SQLException {
        return query(c, "SELECT count(*) FROM finding f, finding x WHERE f.project_key = '" + project + "' AND x.project_key"
                + " = f.project_key AND x.location LIKE '" + result[1] + ":%' AND f.fingerprint <= x.fingerprint").get(0);
    }

    /** Everything a finding shows but its ids, release, times and the import that closed it (whether one did). */
    private static List<String> findings(Connection c, String project) throws SQLException {
        return query(c, "SELECT concat_ws('|', fingerprint, scanner, tool, rule_id, title, severity, cwe, location, state,"
                + " suppression, due_at - created_at, row_version, requested_state, fixed_import IS NOT NULL)"
                + " FROM finding WHERE project_key = '" + project + "' ORDER BY fingerprint");
    }

    private static List<String> releaseLinks(Connection c, String project) throws SQLException {
        return query(c, "SELECT f.fingerprint FROM finding_release r JOIN finding f ON f.id = r.finding_id"
                + " WHERE f.project_key = '" + project + "' ORDER BY 1");
    }

    private static List<String> events(Connection c, String project) throws SQLException {
        return query(c, "SELECT concat_ws('|', f.fingerprint, e.from_state, e.to_state, e.reason, e.import_id IS NULL)"
                + " FROM finding_event e JOIN finding f ON f.id = e.finding_id WHERE f.project_key = '" + project
                + "' ORDER BY f.fingerprint, e.id");
    }

    /** A SARIF log of these results, the first suppressed at the source. */
    private static byte[] suppressed(String[]... results) {
        String json = new String(FindingsIT.sarif("", 0, results), StandardCharsets.UTF_8);
        int first = json.indexOf("}}}}]") + "}}}}]".length();
        return (json.substring(0, first) + ",\"suppressions\":[{\"kind\":\"inSource\",\"justification\":\"constant\"}]"
                + json.substring(first)).getBytes(StandardCharsets.UTF_8);
    }
}
