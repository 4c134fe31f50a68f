package org.gatehouse.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.launcher.DatabaseCoordinates;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.sarif.SarifPlugin;
import org.postgresql.PGConnection;

/**
 * Issue 4's import figures, end to end through the HTTP API of the real server (Payara Micro with
 * {@code -Xmx512m}, embedded PostgreSQL), side by side with the floor measured in the same run:
 * <ol>
 * <li>floor: a Jackson token scan of the report plus a {@code COPY} of as many occurrence rows;</li>
 * <li>first import of an N-result SARIF report (FSB results replicated with varied paths) into a
 * fresh project (every result a new finding), median of 5;</li>
 * <li>re-import of the same report (everything unchanged), median of 5, side by side with the same over HTTP/2, and of
 * the report with every line moved (the same findings in other bytes), median of 5;</li>
 * <li>the findings listing with at least M findings stored in one project: p50/p95 of filter + sort + page
 * of 50 requests over HTTP.</li>
 * </ol>
 * Uploads go over HTTP/1.1, as the CLI sends them. Two untimed imports warm the server up first, every figure is a median of 5, and each timed import starts once no
 * autovacuum worker and no ANALYZE runs (the time waited is printed).
 * Run with {@code ./gatehouse bench import [results [stored [received-first|streamed [MB/s]]]]}: {@code received-first}
 * turns off parsing while the upload arrives, for a comparison; {@code MB/s} sends the reports no faster than that, as
 * over a network.
 */
public final class ImportBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1, as the CLI uploads (ADR 0007); {@link #protocol} asks for another. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static final int ROUNDS = 5;

    private final URI base;
    private double rate;
    private long serverPid = -1;
    /** Where to see PostgreSQL's autovacuum workers, once timing starts; empty during the warm-up. */
    private Optional<Connection> quiet = Optional.empty();
    /** The protocol the requests ask for when not the client's HTTP/1.1. */
    private Optional<HttpClient.Version> protocol = Optional.empty();
    private double quietWaited;

    URI base() {
        return base;
    }
    private String bearer;

    ImportBench(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        int results = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int stored = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        // "received-first" turns off parsing while the upload arrives, for a comparison (GATEHOUSE_IMPORT_STREAM)
        boolean receivedFirst = args.length > 2 && args[2].equals("received-first");
        // an upload rate in MB/s, as over a network (0: as fast as this machine sends)
        double rate = args.length > 3 ? Double.parseDouble(args[3]) : 0;
        Path scratch = Files.createTempDirectory("gatehouse-import-bench");
        Path report = scratch.resolve("report.sarif");
        ParseBench.build(ParseBench.fixture(), report, results, "");
        System.out.printf("report: %,d SARIF results, %.1f MB%n", results, Files.size(report) / 1e6);
        String password = "Bench-" + UUID.randomUUID();
        System.out.println((receivedFirst ? "uploads are received first, then parsed" : "uploads are parsed while they arrive"
                + " (when a worker is free)") + (rate > 0 ? String.format(", sent at %.0f MB/s", rate) : ""));
        try (BenchServer server = BenchServer.start(scratch, password,
                receivedFirst ? Map.of("GATEHOUSE_IMPORT_STREAM", "false") : Map.of())) {
            ImportBench bench = new ImportBench(server.base());
            bench.rate = rate;
            bench.serverPid = server.pid();
            bench.credentials(password);

            double floor = floor(server.database(), report, results);

            // a server's first imports run colder code: two untimed ones first (JMH's warm-up, in short)
            List<Double> warmUp = new ArrayList<>();
            String warm = bench.release(bench.project("BW"));
            bench.timedImport(warm, report, warmUp);
            bench.timedImport(warm, report, warmUp);
            System.out.printf("warm-up (not counted): first import %.3f s, re-import %.3f s%n", warmUp.get(0), warmUp.get(1));
            DatabaseCoordinates db = server.database();
            bench.quiet = Optional.of(DriverManager.getConnection(db.url(), db.ownerUser(), db.ownerPassword()));

            List<Double> first = new ArrayList<>();
            // side by side: the same first import into a project by its version, whose release is known only after
            // the upload, so that its findings are created after the upload (ADR 0007, second amendment)
            List<Double> firstAfter = new ArrayList<>();
            String lastRelease = null;
            int distinct = 0;
            for (int round = 0; round < ROUNDS; round++) {
                String project = bench.project("BA" + round);
                bench.release(project);
                JsonNode after = bench.timedUpload("/api/v1/projects/" + project + "/imports", report, firstAfter, "",
                        "releaseVersion", "1.0");
                lastRelease = bench.release(bench.project("BF" + round));
                JsonNode counts = bench.timedImport(lastRelease, report, first);
                distinct = counts.get("findingsSeen").asInt();
                check(counts.get("resultsRead").asInt() == results && counts.get("created").asInt() == distinct
                        && after.equals(counts), "first import: " + counts + " / " + after);
            }
            System.out.printf("the %,d results are %,d distinct findings (FSB reports some results more than once)%n",
                    results, distinct);
            List<Double> again = new ArrayList<>();
            // side by side: the same re-import over HTTP/2 (h2c), which the JDK's client asks for by default
            List<Double> againHttp2 = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                JsonNode counts = bench.timedImport(lastRelease, report, again);
                check(counts.get("unchanged").asInt() == distinct, "re-import: " + counts);
                bench.protocol = Optional.of(HttpClient.Version.HTTP_2);
                counts = bench.timedImport(lastRelease, report, againHttp2);
                bench.protocol = Optional.empty();
                check(counts.get("unchanged").asInt() == distinct, "re-import over HTTP/2: " + counts);
            }
            List<Double> shifted = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                Path moved = scratch.resolve("shifted" + round + ".sarif");
                ParseBench.build(ParseBench.fixture(), moved, results, "", 7 * (round + 1));
                JsonNode counts = bench.timedImport(lastRelease, moved, shifted);
                check(counts.get("unchanged").asInt() == distinct, "shifted re-import: " + counts);
                Files.delete(moved);
            }
            double f = ParseBench.median(first);
            double a = ParseBench.median(again);
            double m = ParseBench.median(shifted);
            System.out.printf("floor (token scan + COPY of %,d rows, same run): median %.3f s%n", results, floor);
            System.out.printf("first import over HTTP (%s): median %.3f s (%s) = %,.0f results/s; ratio to floor %.2f%n",
                    bench.versions.get(first), f, seconds(first), results / f, f / floor);
            double fa = ParseBench.median(firstAfter);
            System.out.printf("  side by side, its findings created after the upload (release named in the form): median %.3f s"
                    + " (%s); streamed/after %.2f%n", fa, seconds(firstAfter), f / fa);
            System.out.printf("re-import of the identical report (a retried push): median %.3f s (%s); ratio to floor %.2f%n",
                    a, seconds(again), a / floor);
            double a2 = ParseBench.median(againHttp2);
            System.out.printf("  side by side, over %s: median %.3f s (%s); HTTP/1.1 / HTTP/2 %.2f%n",
                    bench.versions.get(againHttp2), a2, seconds(againHttp2), a / a2);
            System.out.printf("re-import with every line moved (same findings, other bytes): median %.3f s (%s);"
                    + " ratio to floor %.2f%n", m, seconds(shifted), m / floor);
            System.out.printf("  where the time went (medians): first import %s%n", bench.phasesOf(first));
            System.out.printf("                                 first import, created after the upload %s%n",
                    bench.phasesOf(firstAfter));
            System.out.printf("                                 identical re-import %s%n", bench.phasesOf(again));
            System.out.printf("                                 identical re-import over HTTP/2 %s%n",
                    bench.phasesOf(againHttp2));
            System.out.printf("                                 moved re-import %s%n", bench.phasesOf(shifted));
            System.out.printf("server JVM (-Xmx512m) peak RSS so far: %s%n", peakRss(server.pid()));
            System.out.printf("before those timed imports, %.1f s waited in all for autovacuum and ANALYZE to finish%n",
                    bench.quietWaited);

            bench.listing(scratch, results, distinct, stored);
            System.out.printf("server JVM peak RSS at the end: %s%n", peakRss(server.pid()));
            bench.quiet.get().close();
        }
    }

    /** Token scan of the report plus COPY of as many occurrence-shaped rows into a scratch table: the floor. */
    private static double floor(DatabaseCoordinates c, Path report, int results) throws Exception {
        List<Double> times = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(c.url(), c.ownerUser(), c.ownerPassword())) {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE bench_floor (LIKE finding_occurrence INCLUDING INDEXES)");
            }
            for (int round = 0; round < 4; round++) {
                try (Statement s = connection.createStatement()) {
                    s.execute("TRUNCATE bench_floor");
                }
                long start = System.nanoTime();
                long tokens = 0;
                try (InputStream in = Files.newInputStream(report);
                        JsonParser parser = new JsonFactory().createParser(in)) {
                    while (parser.nextToken() != null) {
                        tokens++;
                    }
                }
                StringBuilder rows = new StringBuilder();
                UUID importId = UUID.randomUUID();
                for (int i = 0; i < results; i++) {
                    rows.append(importId).append('\t').append(i).append('\t').append(i * 7919L).append("\tderived:v1:").append(UUID.randomUUID())
                            .append("\tSpotBugs\t4.9\tSQL_INJECTION\tSQL injection\tHIGH\t89\tmodule")
                            .append(i / 8233).append("/org/owasp/benchmark/testcode/BenchmarkTest").append(i)
                            .append(".java\t51\t53\torg.owasp.benchmark.testcode.BenchmarkTest.doPost(HttpServletRequest)")
                            .append("\t\\N\t\\N\t\\N\tThis use of executeQuery can be vulnerable to SQL injection\t\\N\t\\N\n");
                }
                try (Reader reader = new java.io.StringReader(rows.toString())) {
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_floor FROM STDIN", reader);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                check(tokens > 0, "no tokens");
                if (round > 0) {
                    times.add(seconds);
                }
            }
        }
        AtomicCount parsed = new AtomicCount();
        new SarifPlugin().parse(ReportSource.of(report), finding -> parsed.value++);
        check(parsed.value == results, "plugin read " + parsed.value);
        return ParseBench.median(times);
    }

    /** 10 generations of the report in one project: M findings stored; then listing percentiles. */
    private void listing(Path scratch, int results, int distinct, int stored) throws Exception {
        String project = project("BL");
        String release = release(project);
        int generations = Math.max(1, (stored + distinct - 1) / distinct);
        List<Double> growing = new ArrayList<>();
        for (int g = 0; g < generations; g++) {
            Path generation = scratch.resolve("g" + g + ".sarif");
            ParseBench.build(ParseBench.fixture(), generation, results, "g" + g + "/");
            JsonNode counts = timedImport(release, generation, growing, "gen" + g);
            check(counts.get("created").asInt() == distinct, "generation: " + counts);
            Files.delete(generation);
        }
        System.out.printf("%,d findings stored in one project by %d imports of %,d results (a category each): %s%n",
                generations * distinct, generations, results, seconds(growing));
        String p = "/api/v1/findings?project=" + project + "&limit=50";
        Map<String, String> queries = new java.util.LinkedHashMap<>();
        queries.put("default (severity)", p);
        queries.put("open, by due date", p + "&state=open&sort=due");
        queries.put("HIGH, newest", p + "&severity=HIGH&sort=newest");
        queries.put("newest", p + "&sort=newest");
        queries.put("CWE 89", p + "&cwe=89");
        queries.put("text 'BenchmarkTest01'", p + "&q=BenchmarkTest01");
        queries.put("release + scanner", p + "&release=" + release + "&scanner=sarif");
        queries.put("SLA breached", p + "&slaBreached=true");
        List<Double> all = new ArrayList<>();
        for (Map.Entry<String, String> query : queries.entrySet()) {
            List<Double> times = new ArrayList<>();
            String cursor = "";
            for (int i = 0; i < 60; i++) {
                long start = System.nanoTime();
                HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve(query.getValue() + cursor)).GET());
                double ms = (System.nanoTime() - start) / 1e6;
                check(page.statusCode() == 200, query.getKey() + ": " + page.body());
                JsonNode next = JSON.readTree(page.body()).path("nextCursor");
                cursor = next.isTextual() && i % 10 != 9 ? "&cursor=" + next.asText() : ""; // pages 1-10, six times
                if (i >= 10) {
                    times.add(ms);
                }
            }
            all.addAll(times);
            System.out.printf("  list %-24s p50 %6.1f ms  p95 %6.1f ms%n", query.getKey(), percentile(times, 50),
                    percentile(times, 95));
        }
        System.out.printf("findings list over HTTP, %,d stored: p50 %.1f ms, p95 %.1f ms (%d requests)%n",
                generations * distinct, percentile(all, 50), percentile(all, 95), all.size());
    }

    void credentials(String password) throws Exception {
        Session admin = login("admin", password);
        String chosen = "Bench-" + UUID.randomUUID();
        admin.call("PUT", "/api/v1/session/password", "{\"currentPassword\":\"" + password + "\",\"newPassword\":\""
                + chosen + "\"}", 204);
        this.session = login("admin", chosen);
        this.chosen = chosen;
    }

    private String chosen;

    /**
     * A person who reads the project's findings (its owner; administrators see releases, not findings), with a chosen
     * password, for a browser's login form. Returns the login; the password is {@link #password()}.
     */
    String reader(String project) throws Exception {
        String login = "reader" + Long.toString(System.nanoTime() % 1_000_000L, 36);
        String oneTime = "One-time-" + UUID.randomUUID();
        session.call("POST", "/api/v1/accounts", "{\"login\":\"" + login + "\",\"displayName\":\"Bench reader\","
                + "\"initialPassword\":\"" + oneTime + "\"}", 201);
        session.call("POST", "/api/v1/accounts/" + login + "/roles", "{\"role\":\"PROJECT_OWNER\",\"project\":\"" + project
                + "\"}", 201);
        login(login, oneTime).call("PUT", "/api/v1/session/password", "{\"currentPassword\":\"" + oneTime
                + "\",\"newPassword\":\"" + chosen + "\"}", 204);
        return login;
    }

    /** The administrator's password chosen by {@link #credentials}, for a browser's login form. */
    String password() {
        return chosen;
    }

    /** Logs the administrator in again: a session reads its roles at login (e.g. owner of a new project). */
    void relogin() throws Exception {
        this.session = login("admin", chosen);
    }

    private Session session;
    private String serviceLogin;

    /** An administrator's call (the session of {@link #credentials}). */
    JsonNode admin(String method, String path, String json, int expected) throws Exception {
        return session.call(method, path, json, expected);
    }

    /** The login of the CI service account {@link #project} created. */
    String serviceLogin() {
        return serviceLogin;
    }

    String project(String prefix) throws Exception {
        return project(prefix, 2);
    }

    /**
     * A project owned by the administrator, with a CI service account whose token this client uses. At levels 2 and 3
     * the administrator's owner role is suspended until vetted (C.1), so a browser session needs level 1.
     */
    String project(String prefix, int level) throws Exception {
        String key = prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        session.call("POST", "/api/v1/projects", "{\"key\":\"" + key + "\",\"name\":\"bench\",\"protectionLevel\":" + level
                + ",\"owner\":\"admin\"}", 201);
        JsonNode account = session.call("POST", "/api/v1/projects/" + key + "/service-accounts", "{\"name\":\"ci\"}", 201);
        JsonNode token = session.call("POST", "/api/v1/projects/" + key + "/service-accounts/"
                + account.get("login").asText() + "/tokens",
                "{\"name\":\"bench\",\"scopes\":[\"releases:read\",\"releases:write\",\"scans:push\"]}", 201);
        bearer = token.get("token").asText();
        serviceLogin = account.get("login").asText();
        return key;
    }

    String release(String project) throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(base.resolve("/api/v1/projects/" + project
                + "/releases")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"version\":\"1.0\"}")));
        check(created.statusCode() == 201, "release: " + created.body());
        return JSON.readTree(created.body()).get("id").asText();
    }

    JsonNode timedImport(String release, Path report, List<Double> times) throws Exception {
        return timedImport(release, report, times, "");
    }

    /** Uploads the report (multipart, streamed from the file) and waits for the import to finish. */
    JsonNode timedImport(String release, Path report, List<Double> times, String category) throws Exception {
        return timedUpload("/api/v1/releases/" + release + "/imports", report, times, category);
    }

    /** Uploads the report to {@code path} with the given extra form fields (before the file). */
    JsonNode timedUpload(String path, Path report, List<Double> times, String category, String... extra) throws Exception {
        String boundary = "bench" + UUID.randomUUID();
        StringBuilder more = new StringBuilder();
        for (int i = 0; i + 1 < extra.length; i += 2) {
            more.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(extra[i])
                    .append("\"\r\n\r\n").append(extra[i + 1]).append("\r\n");
        }
        String fields = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"scanner\"\r\n\r\nsarif\r\n" + more
                + (category.isEmpty() ? "" : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\n"
                        + category + "\r\n")
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.sarif\"\r\n"
                + "Content-Type: application/sarif+json\r\n\r\n";
        HttpRequest.BodyPublisher file = rate > 0 ? HttpRequest.BodyPublishers.ofInputStream(() -> throttled(report, rate))
                : HttpRequest.BodyPublishers.ofFile(report);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString(fields), file,
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        awaitQuiet();
        long startedAt = System.currentTimeMillis();
        double cpuBefore = ProcessCpu.busySeconds();
        double serverBefore = ProcessCpu.ofProcess(serverPid);
        ProcessCpu.Database databaseBefore = ProcessCpu.Database.now();
        long start = System.nanoTime();
        HttpResponse<String> reply = send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body));
        versions.computeIfAbsent(times, t -> new java.util.TreeSet<>()).add(reply.version());
        JsonNode status = JSON.readTree(reply.body());
        while (reply.statusCode() == 202) {
            Thread.sleep(50);
            reply = send(HttpRequest.newBuilder(base.resolve("/api/v1/imports/" + status.get("id").asText())).GET());
            status = JSON.readTree(reply.body());
            if (!status.get("status").asText().matches("QUEUED|RUNNING")) {
                break;
            }
        }
        double total = (System.nanoTime() - start) / 1e9;
        ProcessCpu.Used database = ProcessCpu.Database.now().since(databaseBefore);
        double[] cpu = {ProcessCpu.busySeconds() - cpuBefore, ProcessCpu.ofProcess(serverPid) - serverBefore,
            database.total(), database.busiestBackend(), database.background()};
        times.add(total);
        check(status.path("status").asText().equals("COMPLETED"), "import: " + reply.body());
        phases.computeIfAbsent(times, t -> new ArrayList<>()).add(Phases.of(startedAt, total, status, cpu));
        return status.get("counts");
    }

    /**
     * Waits (at most two minutes) until no autovacuum worker and no ANALYZE runs: the vacuum and the statistics that
     * the previous imports' new rows started (the server refreshes the findings' statistics after a large import, in
     * the background) would otherwise share the 2 cores with the import timed next, and the figures would depend on the
     * order of the rounds. The time waited is printed.
     */
    private void awaitQuiet() throws SQLException, InterruptedException {
        if (quiet.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        try (PreparedStatement workers = quiet.get().prepareStatement(
                "SELECT (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker')"
                        + " + (SELECT count(*) FROM pg_stat_progress_analyze)")) {
            for (int i = 0; i < 1200; i++) {
                try (ResultSet r = workers.executeQuery()) {
                    r.next();
                    if (r.getInt(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(100);
            }
        }
        quietWaited += (System.nanoTime() - start) / 1e9;
    }

    /** The report, read no faster than {@code megabytesPerSecond}, as if it came over a network. */
    private static InputStream throttled(Path report, double megabytesPerSecond) {
        try {
            InputStream in = Files.newInputStream(report);
            return new java.io.FilterInputStream(in) {
                private final long start = System.nanoTime();
                private long sent;

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, Math.min(length, 64 * 1024));
                    if (n > 0) {
                        sent += n;
                        long due = start + (long) (sent / (megabytesPerSecond * 1e6) * 1e9);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            try {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new java.io.InterruptedIOException();
                            }
                        }
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Where each timed import's time went, by the list its total went into. */
    private final Map<List<Double>, List<Phases>> phases = new java.util.IdentityHashMap<>();
    /** The protocols the uploads of each series went over, as the client saw them (the JDK's client asks for HTTP/2 by default). */
    private final Map<List<Double>, java.util.Set<HttpClient.Version>> versions = new java.util.IdentityHashMap<>();

    /**
     * One import's time split by its row's timestamps. Received first: the upload until the import was
     * recorded (transfer, spooling, SHA-256), the wait in the queue, the pipeline, and the rest (the answer).
     * Streamed (parsing began before the upload ended and the import was recorded): the upload with the
     * parsing and copying that overlapped it, then storing the findings, and the rest.
     */
    record Phases(boolean streamed, double upload, double queued, double pipeline, double rest, double[] cpu) {
        static Phases of(long startedAtMillis, double total, JsonNode status, double[] cpu) {
            double start = startedAtMillis / 1e3;
            double created = java.time.Instant.parse(status.get("createdAt").asText()).toEpochMilli() / 1e3;
            double running = java.time.Instant.parse(status.get("startedAt").asText()).toEpochMilli() / 1e3;
            double finished = java.time.Instant.parse(status.get("finishedAt").asText()).toEpochMilli() / 1e3;
            if (running < created) {
                return new Phases(true, created - start, 0, finished - created, total - (finished - start), cpu);
            }
            return new Phases(false, created - start, running - created, finished - running, total - (finished - start), cpu);
        }
    }

    /** The medians of each phase of the imports timed into {@code times}. */
    String phasesOf(List<Double> times) {
        List<Phases> all = phases.getOrDefault(times, List.of());
        String upload = String.format("%.3f s", ParseBench.median(all.stream().map(Phases::upload).toList()));
        String pipeline = String.format("%.3f s", ParseBench.median(all.stream().map(Phases::pipeline).toList()));
        String rest = String.format("%.3f s", ParseBench.median(all.stream().map(Phases::rest).toList()))
                + String.format("; CPU %.2f s (server JVM %.2f s, PostgreSQL %.2f s: busiest connection %.2f s,"
                        + " background %.2f s)", ParseBench.median(all.stream().map(p -> p.cpu()[0]).toList()),
                        ParseBench.median(all.stream().map(p -> p.cpu()[1]).toList()),
                        ParseBench.median(all.stream().map(p -> p.cpu()[2]).toList()),
                        ParseBench.median(all.stream().map(p -> p.cpu()[3]).toList()),
                        ParseBench.median(all.stream().map(p -> p.cpu()[4]).toList()));
        if (!all.isEmpty() && all.stream().allMatch(Phases::streamed)) {
            return "streamed: upload with parse+copy " + upload + ", then storing " + pipeline + ", answer " + rest;
        }
        return "upload " + upload + String.format(", queue %.3f s", ParseBench.median(all.stream().map(Phases::queued)
                .toList())) + ", pipeline " + pipeline + ", answer " + rest
                + (all.stream().anyMatch(Phases::streamed) ? " (some streamed)" : "");
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        protocol.ifPresent(request::version);
        return HTTP.send(request.header("Authorization", "Bearer " + bearer).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Session login(String login, String password) throws Exception {
        HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        check(reply.statusCode() == 200, "login: " + reply.body());
        String cookie = reply.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("gatehouse_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        return new Session(cookie, JSON.readTree(reply.body()).get("csrfToken").asText());
    }

    /** An administrator's browser-like session (cookie and CSRF token). */
    private final class Session {
        private final String cookie;
        private final String csrf;

        Session(String cookie, String csrf) {
            this.cookie = cookie;
            this.csrf = csrf;
        }

        JsonNode call(String method, String path, String json, int expected) throws Exception {
            HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                    .method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            check(reply.statusCode() == expected, method + " " + path + ": " + reply.statusCode() + " " + reply.body());
            return reply.body().isEmpty() ? JSON.nullNode() : JSON.readTree(reply.body());
        }
    }

    private static final class AtomicCount {
        long value;
    }

    static String peakRss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return line.substring(6).strip();
                }
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String seconds(List<Double> values) {
        return values.stream().map(v -> String.format("%.3f", v)).reduce((a, b) -> a + " / " + b).orElse("") + " s";
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
