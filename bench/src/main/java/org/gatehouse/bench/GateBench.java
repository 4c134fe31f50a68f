package org.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gatehouse.launcher.DatabaseCoordinates;

/**
 * Issue 6's gate figure: evaluating a release's gates when the release holds N findings (default
 * two imports of 100,000 SARIF results, about 141,000 findings), over HTTP on the real server,
 * side by side with a plain read of the release in the same run:
 * <ol>
 * <li>every finding still open (the worst case: the gates count them all);</li>
 * <li>all but 100 resolved (a release about to pass).</li>
 * </ol>
 * Each figure is the p50/p95 of 60 requests of {@code GET /releases/{id}/lifecycle/gates} (every gate
 * of the pipeline: white-box, black-box, vulnerabilities, risk acceptances and the rest) and of
 * {@code GET /releases/{id}/gate} (the CI call). Run with {@code ./gatehouse bench gate [results]}.
 */
public final class GateBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GateBench() {
    }

    public static void main(String[] args) throws Exception {
        int results = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path scratch = Files.createTempDirectory("gatehouse-gate-bench");
        String password = "Bench-" + UUID.randomUUID();
        try (BenchServer server = BenchServer.start(scratch, password)) {
            ImportBench client = new ImportBench(server.base());
            client.credentials(password);
            String project = client.project("BG");
            String release = client.release(project);
            int findings = 0;
            for (String category : List.of("a", "b")) {
                Path report = scratch.resolve(category + ".sarif");
                ParseBench.build(ParseBench.fixture(), report, results, category + "/");
                findings += client.timedImport(release, report, new ArrayList<>(), category).get("created").asInt();
                Files.delete(report);
            }
            analyze(server.database());
            System.out.printf("release with %,d findings (2 imports of %,d SARIF results)%n", findings, results);
            measure(client, release, "every finding open");
            resolveAllBut(server.database(), project, 100);
            measure(client, release, "all but 100 resolved");
        }
    }

    private static void measure(ImportBench client, String release, String scenario) throws Exception {
        String gates = "/api/v1/releases/" + release + "/lifecycle/gates";
        String gate = "/api/v1/releases/" + release + "/gate";
        String plain = "/api/v1/releases/" + release;
        List<Double> gatesTimes = new ArrayList<>();
        List<Double> gateTimes = new ArrayList<>();
        List<Double> plainTimes = new ArrayList<>();
        String sample = "";
        for (int i = 0; i < 70; i++) {
            // interleaved, so that the machine's noise falls on all three alike
            double a = time(client, gates);
            double b = time(client, gate);
            double c = time(client, plain);
            if (i >= 10) {
                gatesTimes.add(a);
                gateTimes.add(b);
                plainTimes.add(c);
            }
        }
        HttpResponse<String> board = client.send(HttpRequest.newBuilder(client.base().resolve(gates)).GET());
        for (JsonNode route : JSON.readTree(board.body())) {
            for (JsonNode g : route.get("gates")) {
                if (g.get("gate").asText().matches("white-box.*|vulnerabilities.*")) {
                    sample += "\n    " + g.get("gate").asText() + ": " + g.get("outcome").asText()
                            + (g.get("reasons").isEmpty() ? "" : " — " + g.get("reasons").get(0).get("message").asText());
                }
            }
        }
        System.out.printf("%s:%s%n", scenario, sample);
        System.out.printf("  GET lifecycle/gates (whole pipeline)  p50 %6.1f ms  p95 %6.1f ms%n",
                ImportBench.percentile(gatesTimes, 50), ImportBench.percentile(gatesTimes, 95));
        System.out.printf("  GET gate (CI call)                    p50 %6.1f ms  p95 %6.1f ms%n",
                ImportBench.percentile(gateTimes, 50), ImportBench.percentile(gateTimes, 95));
        System.out.printf("  GET release (plain read, same run)    p50 %6.1f ms  p95 %6.1f ms%n",
                ImportBench.percentile(plainTimes, 50), ImportBench.percentile(plainTimes, 95));
        System.out.printf("  gate evaluation beyond a plain read: p50 %.1f ms (whole pipeline)%n",
                ImportBench.percentile(gatesTimes, 50) - ImportBench.percentile(plainTimes, 50));
    }

    private static double time(ImportBench client, String path) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> reply = client.send(HttpRequest.newBuilder(client.base().resolve(path)).GET());
        double ms = (System.nanoTime() - start) / 1e6;
        ImportBench.check(reply.statusCode() == 200, path + ": " + reply.body());
        return ms;
    }

    /** Test-data shortcut: marks all but {@code open} findings verified directly in the database. */
    private static void resolveAllBut(DatabaseCoordinates c, String project, int open) throws Exception {
        try (Connection connection = DriverManager.getConnection(c.url(), c.ownerUser(), c.ownerPassword());
                PreparedStatement update = connection.prepareStatement("UPDATE finding SET state = 'VERIFIED'"
                        + " WHERE project_key = ? AND id NOT IN (SELECT id FROM finding WHERE project_key = ?"
                        + " AND severity_rank <= 1 ORDER BY id LIMIT ?)")) {
            update.setString(1, project);
            update.setString(2, project);
            update.setInt(3, open);
            update.executeUpdate();
        }
        analyze(c);
    }

    private static void analyze(DatabaseCoordinates c) throws Exception {
        try (Connection connection = DriverManager.getConnection(c.url(), c.ownerUser(), c.ownerPassword());
                Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE finding");
            statement.execute("VACUUM ANALYZE finding_release");
        }
    }
}
