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
import java.util.ArrayList;
import java.util.List;
import org.gatehouse.launcher.DatabaseCoordinates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Manual security testing on the real runtime (B.1.3.1-ih, 8.5.1): the security-function checklist,
 * hand-written cases, append-only executions, a failure filed as a finding in the same lifecycle as
 * scanner findings, the fix re-tested by executing the case again, and the gate
 * {@code manual-tests.executed}.
 */
@ExtendWith(GatehouseServer.class)
class ManualTestingIT {

    private static String testCases(String release) {
        return "/api/v1/releases/" + release + "/test-cases";
    }

    private static JsonNode gate(Api api, String release, String from, String id) {
        for (JsonNode route : api.get("/api/v1/releases/" + release + "/lifecycle/gates").json()) {
            if (route.get("from").asText().equals(from)) {
                for (JsonNode gate : route.get("gates")) {
                    if (gate.get("gate").asText().equals(id)) {
                        return gate;
                    }
                }
            }
        }
        throw new AssertionError("no gate " + id + " from " + from);
    }

    private static Api.Reply execute(Api api, String testCase, String body) {
        return api.post("/api/v1/test-cases/" + testCase + "/executions", body);
    }

    @Test
    void aFailedManualTestIsAFindingUntilItsFixIsReTestedAndTheGateFollowsTheLatestResults(Api admin, Users users,
            TestDatabase database) throws SQLException {
        String project = Fixtures.createProject(admin, "MAN");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api tester = users.withProjectRole("TESTER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api auditor = users.withGlobalRole("AUDITOR");
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id")
                .asText();

        // the security-function checklist, in one call and only once (8.5.1)
        Api.Reply checklist = tester.post(testCases(release) + "/checklist", null);
        assertEquals(200, checklist.status(), checklist::toString);
        assertEquals(12, checklist.json().get("added").asInt());
        Api.Reply again = tester.post(testCases(release) + "/checklist", null, "Accept-Language", "zh-CN");
        assertEquals(0, again.json().get("added").asInt(), again::toString);
        assertEquals(12, again.json().get("testCases").size());
        JsonNode first = again.json().get("testCases").get(0);
        assertEquals("SF-01", first.get("key").asText());
        assertEquals("CHECKLIST", first.get("origin").asText());
        assertTrue(first.get("title").asText().matches("(?s).*[\\u4e00-\\u9fff].*"), first::toString);
        assertFalse(tester.get(testCases(release)).json().get(0).get("title").asText()
                .matches("(?s).*[\\u4e00-\\u9fff].*"), "English by default");

        Api.Reply created = tester.post(testCases(release), "{\"title\":\"Coupon codes cannot be replayed\","
                + "\"steps\":\"Redeem a coupon, then send the same request again.\","
                + "\"expectedResult\":\"The second redemption is refused.\",\"requirements\":[\"SR-8.3-em-1\"]}");
        assertEquals(201, created.status(), created::toString);
        JsonNode manual = created.json();
        assertEquals("MT-001", manual.get("key").asText());
        assertEquals("MANUAL", manual.get("origin").asText());
        assertEquals("SR-8.3-em-1", manual.get("requirements").get(0).asText());
        assertTrue(created.header("Location").orElseThrow().endsWith("/api/v1/test-cases/" + manual.get("id").asText()));
        String mt1 = manual.get("id").asText();

        JsonNode executed = gate(owner, release, "TESTING", "manual-tests.executed");
        assertEquals("BLOCKED", executed.get("outcome").asText(), executed::toString);
        JsonNode reason = executed.get("reasons").get(0);
        assertEquals("gate.manual-tests.not-executed", reason.get("key").asText());
        assertEquals("13", reason.get("arguments").get(0).asText());
        assertEquals("MT-001, SF-01, SF-02, SF-03, SF-04, …", reason.get("arguments").get(1).asText());

        // a failure files a finding into the findings lifecycle
        Api.Reply failed = execute(tester, mt1, "{\"result\":\"FAILED\",\"notes\":\"replayed twice\","
                + "\"evidence\":\"HTTP 200 both times\",\"evidenceUrl\":\"https://wiki.example/mt-001\"}");
        assertEquals(201, failed.status(), failed::toString);
        assertEquals("FILED", failed.json().get("finding").get("change").asText(), failed::toString);
        assertEquals("HIGH", failed.json().get("execution").get("severity").asText());
        String finding = failed.json().get("finding").get("id").asText();
        JsonNode listed = owner.get("/api/v1/findings?project=" + project).json().get("items");
        assertEquals(1, listed.size(), listed::toString);
        assertEquals(finding, listed.get(0).get("id").asText());
        assertEquals("manual", listed.get(0).get("scanner").asText());
        assertEquals("manual-test:MT-001", listed.get(0).get("location").asText());
        assertEquals("Coupon codes cannot be replayed", listed.get(0).get("title").asText());
        assertEquals("HIGH", listed.get(0).get("severity").asText());
        assertEquals("NEW", listed.get(0).get("state").asText());
        assertTrue(listed.get(0).get("dueAt").isTextual(), listed::toString);
        // failing it again files nothing new
        Api.Reply refailed = execute(tester, mt1, "{\"result\":\"FAILED\",\"severity\":\"CRITICAL\"}");
        assertEquals("UNCHANGED", refailed.json().get("finding").get("change").asText(), refailed::toString);
        assertEquals(finding, refailed.json().get("finding").get("id").asText());
        assertEquals(1, owner.get("/api/v1/findings?project=" + project).json().get("items").size());

        executed = gate(owner, release, "TESTING", "manual-tests.executed");
        assertEquals("BLOCKED", executed.get("outcome").asText());
        assertEquals("gate.manual-tests.failed", executed.get("reasons").get(0).get("key").asText(), executed::toString);
        assertEquals("MT-001", executed.get("reasons").get(0).get("arguments").get(1).asText());
        assertEquals("BLOCKED", gate(owner, release, "SECURITY_AUDIT", "vulnerabilities.resolved").get("outcome").asText());

        // developers may read, but neither write nor execute cases
        assertEquals(200, developer.get(testCases(release)).status());
        assertEquals(403, developer.post(testCases(release), "{\"title\":\"t\",\"steps\":\"s\",\"expectedResult\":\"e\"}")
                .status());
        assertEquals(403, developer.post(testCases(release) + "/checklist", null).status());
        Api.Reply refused = execute(developer, mt1, "{\"result\":\"PASSED\"}");
        assertEquals(403, refused.status(), refused::toString);
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);

        // bad input is a validation problem
        for (Api.Reply bad : List.of(execute(tester, mt1, "{\"result\":\"MAYBE\"}"),
                execute(tester, mt1, "{\"result\":\"PASSED\",\"severity\":\"HIGH\"}"),
                execute(tester, mt1, "{\"result\":\"FAILED\",\"evidenceUrl\":\"javascript:alert(1)\"}"),
                tester.post(testCases(release), "{\"title\":\"t\",\"steps\":\"s\",\"expectedResult\":\"e\","
                        + "\"requirements\":[\"8.3 em\"]}"),
                tester.post(testCases(release), "{\"steps\":\"s\",\"expectedResult\":\"e\"}"),
                tester.post(testCases(release), "{\"key\":\"SF-99\",\"title\":\"t\",\"steps\":\"s\",\"expectedResult\":\"e\"}"))) {
            assertEquals(400, bad.status(), bad::toString);
            assertTrue(bad.contentType().startsWith("application/problem+json"), bad::toString);
            assertTrue(bad.json().get("type").asText().endsWith(":validation-failed"), bad::toString);
        }
        Api.Reply duplicate = tester.post(testCases(release), "{\"key\":\"MT-001\",\"title\":\"t\",\"steps\":\"s\","
                + "\"expectedResult\":\"e\"}");
        assertEquals(409, duplicate.status(), duplicate::toString);
        assertEquals(404, tester.get("/api/v1/test-cases/00000000-0000-7000-8000-000000000000").status());

        // the developer claims the fix; the tester re-tests it by executing the case again (B.1.3.1-ih)
        Api.Reply fixed = developer.post("/api/v1/findings/" + finding + "/triage",
                "{\"action\":\"mark-fixed\",\"reason\":\"coupons are single-use now\"}", "If-Match", "*");
        assertEquals(200, fixed.status(), fixed::toString);
        assertEquals("FIXED_UNVERIFIED", fixed.json().get("state").asText());
        Api.Reply passed = execute(tester, mt1, "{\"result\":\"PASSED\",\"notes\":\"refused the second time\"}");
        assertEquals(201, passed.status(), passed::toString);
        assertEquals("VERIFIED", passed.json().get("finding").get("change").asText(), passed::toString);
        JsonNode detail = owner.get("/api/v1/findings/" + finding).json();
        assertEquals("VERIFIED", detail.get("finding").get("state").asText());
        List<String> history = new ArrayList<>();
        detail.get("history").forEach(e -> history.add(e.get("from").asText() + ">" + e.get("to").asText()));
        assertEquals(List.of("NEW>NEW", "NEW>FIXED_UNVERIFIED", "FIXED_UNVERIFIED>VERIFIED"), history);
        // the manual test's reasons are Gatehouse's, by key with the case's key as argument (V34); the developer's
        // stays as typed, without a key
        assertEquals(List.of("manual-test-failed[MT-001]", "-[]", "manual-test-passed[MT-001]"), reasons(detail));
        assertEquals("re-tested: manual test MT-001 passed", detail.get("history").get(2).get("reason").asText());
        assertEquals("coupons are single-use now", detail.get("history").get(1).get("reason").asText());

        // every checklist case passes or does not apply: the gate passes; the verified finding blocks nothing
        for (JsonNode testCase : tester.get(testCases(release)).json()) {
            if (testCase.get("origin").asText().equals("CHECKLIST")) {
                String result = testCase.get("key").asText().equals("SF-08") ? "NOT_APPLICABLE" : "PASSED";
                assertEquals(201, execute(tester, testCase.get("id").asText(), "{\"result\":\"" + result + "\"}").status());
            }
        }
        assertEquals("PASSED", gate(owner, release, "TESTING", "manual-tests.executed").get("outcome").asText());
        assertEquals("PASSED", gate(owner, release, "SECURITY_AUDIT", "vulnerabilities.resolved").get("outcome").asText());

        JsonNode history1 = owner.get("/api/v1/test-cases/" + mt1).json();
        assertEquals("PASSED", history1.get("testCase").get("latestResult").asText());
        List<String> results = new ArrayList<>();
        history1.get("executions").forEach(e -> results.add(e.get("result").asText()));
        assertEquals(List.of("PASSED", "FAILED", "FAILED"), results, "append-only, newest first");
        assertEquals("https://wiki.example/mt-001", history1.get("executions").get(2).get("evidenceUrl").asText());
        assertEquals(tester.loginName(), history1.get("executions").get(0).get("tester").asText());
        JsonNode audit = auditor.get("/api/v1/audit/events?type=manual-test.executed&target=test-case:" + mt1).json();
        assertEquals(3, audit.get("items").size(), audit::toString);

        // failing the verified case again reopens its finding and blocks the gate again
        Api.Reply reopened = execute(tester, mt1, "{\"result\":\"FAILED\"}");
        assertEquals("REOPENED", reopened.json().get("finding").get("change").asText(), reopened::toString);
        assertEquals("BLOCKED", gate(owner, release, "TESTING", "manual-tests.executed").get("outcome").asText());
        JsonNode reopenedDetail = owner.get("/api/v1/findings/" + finding).json();
        assertEquals("REOPENED", reopenedDetail.get("finding").get("state").asText());
        assertEquals("manual-test-failed-again[MT-001]", reasons(reopenedDetail).get(3));
        assertEquals("manual test MT-001 failed again", reopenedDetail.get("history").get(3).get("reason").asText());

        // the executions are evidence: the application's role cannot change or remove them
        DatabaseCoordinates app = database.application();
        try (Connection connection = DriverManager.getConnection(app.url(), app.user(), app.password());
                Statement statement = connection.createStatement()) {
            for (String sql : List.of("UPDATE manual_test_execution SET result = 'PASSED'",
                    "DELETE FROM manual_test_execution", "UPDATE manual_test_case SET title = 'x'",
                    "TRUNCATE manual_test_case CASCADE")) {
                SQLException e = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
                assertTrue(e.getSQLState().startsWith("42"), sql + " -> " + e.getSQLState() + " " + e.getMessage());
            }
            // nor the history's reasons (V31, V34): the role may write an event's key and arguments once, never change them
            try (var rows = statement.executeQuery("SELECT has_column_privilege('finding_event', 'reason_key', 'INSERT'),"
                    + " has_column_privilege('finding_event', 'reason_args', 'INSERT'),"
                    + " has_column_privilege('finding_event', 'reason_key', 'UPDATE'),"
                    + " has_column_privilege('finding_event', 'reason_args', 'UPDATE')")) {
                rows.next();
                assertEquals(List.of(true, true, false, false), List.of(rows.getBoolean(1), rows.getBoolean(2),
                        rows.getBoolean(3), rows.getBoolean(4)));
            }
            SQLException e = assertThrows(SQLException.class,
                    () -> statement.execute("UPDATE finding_event SET reason_key = NULL, reason_args = NULL"));
            assertEquals("42501", e.getSQLState(), e::getMessage);
        }
    }

    /** Each history entry's reasonKey with its reasonArgs ("-" and [] for a person's reason). */
    private static List<String> reasons(JsonNode detail) {
        List<String> reasons = new ArrayList<>();
        detail.get("history").forEach(e -> {
            List<String> args = new ArrayList<>();
            e.path("reasonArgs").forEach(a -> args.add(a.asText()));
            reasons.add(e.path("reasonKey").asText("-") + args.toString().replace(" ", ""));
        });
        return reasons;
    }
}
