package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portfolio and the findings trends over HTTP (issue 8): what each caller's portfolio holds, and
 * the three trends over a history written back in time in the database (the clock cannot be moved):
 * three findings created ten days ago, one fixed four days ago, one due two days ago.
 */
@ExtendWith(GatehouseServer.class)
class PortfolioTrendsIT {
    /** Noon (UTC) n days ago, as SQL. */
    private static String daysAgo(int n) {
        return "(date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - interval '" + n + " days' + interval '12 hours')";
    }

    @Test
    void thePortfolioShowsEachCallerItsProjectsReleasesAndOpenFindings(Api admin, Users users, TestDatabase database) {
        String project = Fixtures.uniqueKey("PF");
        assertEquals(201, admin.post("/api/v1/projects", Fixtures.project(project, "<b>Shop</b> " + project, 3)).status());
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id").asText();
        owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"0.9\"}");
        assertEquals(201, owner.upload(release, "r.sarif", FindingsIT.sarif("", 0, FindingsIT.A, FindingsIT.B, FindingsIT.C),
                "scanner", "sarif").status());
        database.execute(database.owner(), "UPDATE finding SET due_at = " + daysAgo(2) + " WHERE project_key = '" + project
                + "' AND location LIKE '%Login.java%'");

        JsonNode mine = projectIn(owner.get("/api/v1/portfolio"), project);
        assertEquals("<b>Shop</b> " + project, mine.get("name").asText());
        assertEquals(3, mine.get("protectionLevel").asInt());
        assertEquals(2, mine.get("releases").size());
        assertEquals("REQUIREMENTS", mine.get("releases").get(0).get("phase").asText());
        assertEquals(3, mine.get("findings").get("open").asInt(), mine::toString);
        assertEquals(2, mine.get("findings").get("openBySeverity").get("HIGH").asInt());
        assertEquals(1, mine.get("findings").get("openBySeverity").get("MEDIUM").asInt());
        assertEquals(1, mine.get("findings").get("breached").asInt());
        assertEquals(1, mine.get("findings").get("breachedBySeverity").get("MEDIUM").asInt());

        // an owner of another project does not see it; an administrator sees it without findings
        Api other = users.withProjectRole("PROJECT_OWNER", Fixtures.createProject(admin, "PFO"));
        Api.Reply theirs = other.get("/api/v1/portfolio");
        assertEquals(200, theirs.status(), theirs::toString);
        assertEquals(1, theirs.json().get("projects").size(), theirs::toString);
        JsonNode asAdmin = projectIn(users.withGlobalRole("ADMINISTRATOR").get("/api/v1/portfolio"), project);
        assertTrue(!asAdmin.has("findings") || asAdmin.get("findings").isNull(), asAdmin::toString);
        assertEquals(2, asAdmin.get("releases").size());
        assertEquals(403, users.withoutRoles().get("/api/v1/portfolio").status());
    }

    @Test
    void trendsFollowTheFindingsHistoryDayByDay(Api admin, Users users, TestDatabase database) {
        String project = Fixtures.createProject(admin, "TR");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id").asText();
        owner.upload(release, "r.sarif", FindingsIT.sarif("", 0, FindingsIT.A, FindingsIT.B, FindingsIT.C), "scanner", "sarif");
        Map<String, String> ids = new HashMap<>();
        for (JsonNode f : owner.get("/api/v1/findings?project=" + project).json().get("items")) {
            ids.put(f.get("location").asText().replaceAll(".*/(\\w+)\\.java.*", "$1"), f.get("id").asText());
        }
        Api.Reply fixed = owner.post("/api/v1/findings/" + ids.get("Cart") + "/triage", "{\"action\":\"mark-fixed\"}",
                "If-Match", "*");
        assertEquals(200, fixed.status(), fixed::toString);
        assertEquals(200, owner.post("/api/v1/findings/" + ids.get("Order") + "/triage", "{\"action\":\"confirm\"}",
                "If-Match", "*").status());
        // kept live by the database as the findings changed (V27): three created open today, one fixed today
        JsonNode live = ok(owner.get("/api/v1/projects/" + project + "/trends/open-findings?days=2&zone=UTC"));
        assertEquals(List.of(0L, 2L), totals(live, 2), live::toString);
        JsonNode liveFixes = ok(owner.get("/api/v1/projects/" + project + "/trends/time-to-fix?days=7&zone=UTC"));
        assertEquals(1, liveFixes.get("weeks").get(0).get("fixed").asInt(), liveFixes::toString);
        assertEquals(0.0, liveFixes.get("weeks").get(0).get("meanDays").asDouble(), 0.01);

        // history written back in time behind the application, then the counts rebuilt from it
        String in = " WHERE project_key = '" + project + "'";
        database.execute(database.owner(),
                "UPDATE release SET created_at = " + daysAgo(20) + in,
                "UPDATE finding SET created_at = " + daysAgo(10) + ", due_at = " + daysAgo(-30) + in,
                "UPDATE finding SET due_at = " + daysAgo(2) + " WHERE id = '" + ids.get("Login") + "'",
                "UPDATE finding_event SET occurred_at = " + daysAgo(4) + " WHERE finding_id = '" + ids.get("Cart") + "'",
                "UPDATE finding_event SET occurred_at = " + daysAgo(6) + " WHERE finding_id = '" + ids.get("Order") + "'",
                "SELECT gatehouse_rebuild_finding_trends('" + project + "')");

        // open findings at the end of each day, summed over severities: 0, then 3 from day -10, 2 from day -4
        JsonNode open = ok(owner.get("/api/v1/projects/" + project + "/trends/open-findings?days=14&zone=UTC"));
        assertEquals(14, open.get("days").size());
        assertEquals(List.of(0L, 0L, 0L, 3L, 3L, 3L, 3L, 3L, 3L, 2L, 2L, 2L, 2L, 2L), totals(open, 14), open::toString);
        assertEquals(1, open.get("open").get("MEDIUM").get(13).asInt());

        // Cart (HIGH) was fixed six days after it was found
        JsonNode fixes = ok(owner.get("/api/v1/projects/" + project + "/trends/time-to-fix?days=30&zone=Asia/Shanghai"));
        assertEquals(1, fixes.get("weeks").size(), fixes::toString);
        assertEquals("HIGH", fixes.get("weeks").get(0).get("severity").asText());
        assertEquals(1, fixes.get("weeks").get(0).get("fixed").asInt());
        assertEquals(6.0, fixes.get("weeks").get(0).get("meanDays").asDouble(), 0.01);

        // the release's burn-down over its 21 days: open 3 → 2, Login overdue from day -2
        JsonNode burn = ok(owner.get("/api/v1/releases/" + release + "/trends/sla-burn-down?zone=UTC"));
        assertEquals(21, burn.get("days").size(), burn::toString);
        List<Long> openDays = longs(burn.get("open"));
        List<Long> breached = longs(burn.get("breached"));
        assertEquals(0L, openDays.get(9));
        assertEquals(3L, openDays.get(10));
        assertEquals(3L, openDays.get(15));
        assertEquals(2L, openDays.get(16));
        assertEquals(2L, openDays.get(20));
        assertEquals(0L, breached.get(17));
        assertEquals(1L, breached.get(18));
        assertEquals(1L, breached.get(20));

        // bounded ranges, zones by region only, the project's people only
        assertProblem(owner.get("/api/v1/projects/" + project + "/trends/open-findings?days=367"), 400, "validation-failed");
        assertProblem(owner.get("/api/v1/projects/" + project + "/trends/open-findings?days=ten"), 400, "validation-failed");
        assertProblem(owner.get("/api/v1/projects/" + project + "/trends/open-findings?zone=%2B08:00"), 400, "validation-failed");
        assertProblem(owner.get("/api/v1/projects/" + project + "/trends/time-to-fix?zone=Mars/Olympus"), 400,
                "validation-failed");
        Api stranger = users.withProjectRole("DEVELOPER", Fixtures.createProject(admin, "TRO"));
        assertProblem(stranger.get("/api/v1/projects/" + project + "/trends/open-findings"), 403, "forbidden");
        assertProblem(stranger.get("/api/v1/releases/" + release + "/trends/sla-burn-down"), 403, "forbidden");
    }

    /** Open findings at the end of each day, summed over severities. */
    private static List<Long> totals(JsonNode open, int days) {
        List<Long> total = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            long sum = 0;
            for (JsonNode series : open.get("open")) {
                sum += series.get(i).asLong();
            }
            total.add(sum);
        }
        return total;
    }

    private static JsonNode projectIn(Api.Reply portfolio, String key) {
        assertEquals(200, portfolio.status(), portfolio::toString);
        for (JsonNode p : portfolio.json().get("projects")) {
            if (p.get("key").asText().equals(key)) {
                return p;
            }
        }
        throw new AssertionError(key + " is not in " + portfolio);
    }

    private static JsonNode ok(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asLong()));
        return values;
    }

    private static void assertProblem(Api.Reply reply, int status, String type) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals("urn:gatehouse:problem:" + type, reply.json().get("type").asText(), reply::toString);
    }
}
