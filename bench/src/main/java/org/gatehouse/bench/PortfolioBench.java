package org.gatehouse.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gatehouse.launcher.DatabaseCoordinates;

/**
 * Issue 8's portfolio and trend figures over HTTP on the real server, with N findings (default
 * 1,000,000) in one project and one release, written straight into the database (a test-data
 * shortcut: imports are measured by {@link ImportBench}): created over the last 365 days, 60 % open,
 * 20 % fixed, 20 % fixed and verified, with their state changes in finding_event, due dates 30 days
 * after creation (so many are breached). p50/p95 of 40 requests of the portfolio and
 * a plain read, 10 of each trend (seconds each at this size), interleaved, after warm-up rounds. Run with {@code ./gatehouse bench portfolio [findings]}.
 */
public final class PortfolioBench {
    private PortfolioBench() {
    }

    public static void main(String[] args) throws Exception {
        int findings = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path scratch = Files.createTempDirectory("gatehouse-portfolio-bench");
        String password = "Bench-" + UUID.randomUUID();
        try (BenchServer server = BenchServer.start(scratch, password)) {
            ImportBench client = new ImportBench(server.base());
            client.credentials(password);
            String project = client.project("BP", 1); // level 1: the administrator's browser reads the findings
            String release = client.release(project);
            long start = System.nanoTime();
            long events = fill(server.database(), project, release, findings);
            System.out.printf("%,d findings and %,d state changes written in %.1f s (one project, one release)%n", findings,
                    events, (System.nanoTime() - start) / 1e9);
            Map<String, String> endpoints = new LinkedHashMap<>();
            endpoints.put("GET portfolio", "/api/v1/portfolio");
            endpoints.put("open findings, 90 days", "/api/v1/projects/" + project + "/trends/open-findings?days=90&zone=Asia/Shanghai");
            endpoints.put("open findings, 366 days", "/api/v1/projects/" + project + "/trends/open-findings?days=366&zone=Asia/Shanghai");
            endpoints.put("time to fix, 366 days", "/api/v1/projects/" + project + "/trends/time-to-fix?days=366&zone=Asia/Shanghai");
            endpoints.put("SLA burn-down (365 days)", "/api/v1/releases/" + release + "/trends/sla-burn-down?zone=Asia/Shanghai");
            endpoints.put("GET release (plain read)", "/api/v1/releases/" + release);
            Map<String, List<Double>> times = new LinkedHashMap<>();
            endpoints.keySet().forEach(k -> times.put(k, new ArrayList<>()));
            // the fast calls 40 times, the trends (seconds each with a million findings) 10 times; interleaved
            for (int i = 0; i < 45; i++) {
                for (Map.Entry<String, String> e : endpoints.entrySet()) {
                    boolean trend = e.getValue().contains("/trends/");
                    if (trend && i % 4 != 0) {
                        continue;
                    }
                    double ms = time(client, e.getValue());
                    if (i >= 5) {
                        times.get(e.getKey()).add(ms);
                    }
                }
            }
            for (Map.Entry<String, List<Double>> e : times.entrySet()) {
                System.out.printf("  %-26s p50 %7.1f ms  p95 %7.1f ms  (%d requests)%n", e.getKey(),
                        ImportBench.percentile(e.getValue(), 50), ImportBench.percentile(e.getValue(), 95), e.getValue().size());
            }
            // the findings page (50 rows, sorted by severity, of the open ones) and the start screen, as a browser
            // renders them; the first round of each warms up and is not counted
            try (FirstRender browser = new FirstRender(server.base(), client.reader(project), client.password())) {
                for (String[] screen : new String[][] {{"#/findings", "#findings-rows tr", "findings page, first 50 rows"},
                    {"#/", "#portfolio-rows tr", "portfolio (start screen)"}}) {
                    List<Double> render = browser.measure(screen[0], screen[1], 8);
                    render = render.subList(1, render.size());
                    System.out.printf("  first render, %-26s p50 %7.1f ms  max %7.1f ms  (%d loads)%n", screen[2],
                            ImportBench.percentile(render, 50), ImportBench.percentile(render, 100), render.size());
                }
            }
            HttpResponse<String> sample = client.send(HttpRequest.newBuilder(server.base().resolve("/api/v1/portfolio"))
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).GET());
            System.out.println("  portfolio: " + sample.body().replaceAll("\"releases\":\\[.*?\\],", "\"releases\":[…],"));
        }
    }

    private static double time(ImportBench client, String path) throws Exception {
        long start = System.nanoTime();
        // HTTP/1.1 as browsers speak it to a plain-HTTP server: an h2c connection left idle while the data
        // were written was dropped by the server and the client waited on it
        HttpResponse<String> reply = client.send(HttpRequest.newBuilder(client.base().resolve(path))
                .version(java.net.http.HttpClient.Version.HTTP_1_1).GET());
        double ms = (System.nanoTime() - start) / 1e6;
        ImportBench.check(reply.statusCode() == 200, path + ": " + reply.body());
        return ms;
    }

    /** The findings and their history, set-based; the release opened a year ago. Returns the number of events. */
    private static long fill(DatabaseCoordinates c, String project, String release, int findings) throws Exception {
        try (Connection connection = DriverManager.getConnection(c.url(), c.ownerUser(), c.ownerPassword())) {
            UUID releaseId = UUID.fromString(release);
            try (PreparedStatement back = connection.prepareStatement(
                    "UPDATE release SET created_at = now() - interval '365 days' WHERE id = ?")) {
                back.setObject(1, releaseId);
                back.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO finding (id, project_key, scanner,"
                    + " fingerprint, tool, rule_id, title, severity, cwe, location, state, first_import, first_release,"
                    + " created_at, due_at, state_changed_at)"
                    + " SELECT gatehouse_uuid7(), ?, 'sarif', 'bench-' || g, 'Bench', 'R' || (g % 50),"
                    + " 'Bench finding ' || g, (ARRAY['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'])[1 + g % 5], 79,"
                    + " 'src/main/java/bench/F' || g || '.java:' || (g % 500),"
                    + " CASE WHEN g % 10 < 6 THEN 'NEW' WHEN g % 10 < 8 THEN 'FIXED_UNVERIFIED' ELSE 'VERIFIED' END,"
                    + " ?, ?, created, created + interval '30 days', created"
                    + " FROM (SELECT g, now() - interval '365 days' + (g::double precision / ? * 364) * interval '1 day' AS created"
                    + "       FROM generate_series(1, ?) g) s")) {
                insert.setString(1, project);
                insert.setObject(2, UUID.randomUUID());
                insert.setObject(3, releaseId);
                insert.setInt(4, findings);
                insert.setInt(5, findings);
                insert.executeUpdate();
            }
            long events;
            try (Statement statement = connection.createStatement()) {
                // fixed after 1 to 40 days (by now at the latest), verified a day later; some open ones confirmed
                events = statement.executeUpdate("INSERT INTO finding_event (finding_id, occurred_at, actor, from_state, to_state)"
                        + " SELECT id, least(now(), created_at + (1 + abs(hashtext(fingerprint)) % 40) * interval '1 day'),"
                        + " 'bench', 'NEW', 'FIXED_UNVERIFIED' FROM finding WHERE state IN ('FIXED_UNVERIFIED', 'VERIFIED')"
                        + " ORDER BY created_at");
                events += statement.executeUpdate("INSERT INTO finding_event (finding_id, occurred_at, actor, from_state, to_state)"
                        + " SELECT e.finding_id, least(now(), e.occurred_at + interval '1 day'), 'bench', 'FIXED_UNVERIFIED',"
                        + " 'VERIFIED' FROM finding_event e JOIN finding f ON f.id = e.finding_id WHERE f.state = 'VERIFIED'"
                        + " ORDER BY e.occurred_at");
                events += statement.executeUpdate("INSERT INTO finding_event (finding_id, occurred_at, actor, from_state, to_state)"
                        + " SELECT id, created_at + interval '2 days', 'bench', 'NEW', 'CONFIRMED' FROM finding"
                        + " WHERE state = 'NEW' AND abs(hashtext(fingerprint)) % 4 = 0 AND created_at < now() - interval '2 days'");
                statement.executeUpdate("UPDATE finding SET state = 'CONFIRMED' WHERE id IN (SELECT finding_id FROM finding_event"
                        + " WHERE to_state = 'CONFIRMED')");
                statement.execute("VACUUM ANALYZE finding");
                statement.execute("VACUUM ANALYZE finding_event");
                // the history above was written with its final states, behind the triggers' back: recount it (V27)
                try (PreparedStatement rebuild = connection.prepareStatement("SELECT gatehouse_rebuild_finding_trends(?)")) {
                    rebuild.setString(1, project);
                    rebuild.execute();
                }
                statement.execute("VACUUM ANALYZE finding_open_change");
                statement.execute("VACUUM ANALYZE finding_first_fix");
            }
            return events;
        }
    }
}
