package org.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.gatehouse.platform.crypto.RequestSignature;

/**
 * Issue 7's closing figures on the real server:
 * <ol>
 * <li><b>push throughput</b> of tiny SARIF reports (one result) with an {@code Idempotency-Key}: for
 * 1, 4 and 8 concurrent clients, each pushing into its own release, requests/s and p50/p99 — with a
 * signed token (HMAC over the request, nonce insert) and an unsigned token, interleaved round by
 * round, so the signature's cost is a ratio measured in one run;</li>
 * <li><b>relay delivery latency</b>: a push commits a {@code findings.changed} event; a webhook
 * receiver in this process notes when it arrives; latency = arrival − the push's answer (the event
 * committed before the answer), median and p95 over N events spaced at random.</li>
 * </ol>
 * Run with {@code ./gatehouse bench push [pushes-per-client [events [poll-ms [listen]]]]} (defaults 40, 50, 500,
 * true; {@code listen=false} measures the relay on its poll alone, without the commit's notification).
 */
public final class PushBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private PushBench() {
    }

    private record Credential(String token, String keyId, byte[] key) {
    }

    public static void main(String[] args) throws Exception {
        int perClient = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        String pollMs = args.length > 2 ? args[2] : "500";
        String listen = args.length > 3 ? args[3] : "true";
        Path scratch = Files.createTempDirectory("gatehouse-push-bench");
        String password = "Bench-" + UUID.randomUUID();
        try (BenchServer server = BenchServer.start(scratch, password, Map.of("GATEHOUSE_WEBHOOKS_ALLOWED_NETWORKS",
                "127.0.0.0/8", "GATEHOUSE_OUTBOX_POLL_MS", pollMs, "GATEHOUSE_OUTBOX_LISTEN", listen))) {
            ImportBench client = new ImportBench(server.base());
            client.credentials(password);
            String project = client.project("BP");
            // the administrator makes itself the project's owner (webhooks), read by its next session
            client.admin("POST", "/api/v1/accounts/admin/roles", "{\"role\":\"PROJECT_OWNER\",\"project\":\""
                    + project + "\"}", 201);
            client.relogin();
            String tokens = "/api/v1/projects/" + project + "/service-accounts/" + client.serviceLogin() + "/tokens";
            JsonNode signedToken = client.admin("POST", tokens, "{\"name\":\"signed\",\"scopes\":[\"releases:read\","
                    + "\"scans:push\"],\"signed\":true}", 201);
            JsonNode plainToken = client.admin("POST", tokens, "{\"name\":\"plain\",\"scopes\":[\"releases:read\","
                    + "\"scans:push\"]}", 201);
            Credential signed = new Credential(signedToken.get("token").asText(), signedToken.get("signingKeyId").asText(),
                    Base64.getDecoder().decode(signedToken.get("signingKey").asText()));
            Credential plain = new Credential(plainToken.get("token").asText(), null, null);
            List<String> releases = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                // with the CI token of ImportBench.project (releases:write): the administrator holds no project role
                HttpResponse<String> opened = client.send(HttpRequest.newBuilder(server.base().resolve("/api/v1/projects/"
                        + project + "/releases")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"version\":\"b" + i + "\"}")));
                ImportBench.check(opened.statusCode() == 201, "release: " + opened.body());
                releases.add(JSON.readTree(opened.body()).get("id").asText());
            }
            System.out.printf("push throughput: tiny SARIF (1 result), Idempotency-Key, %d pushes per client per round,"
                    + " 3 rounds, signed and unsigned interleaved%n", perClient);
            warmUp(server.base(), signed, plain, releases.get(0));
            for (int clients : List.of(1, 4, 8)) {
                throughput(server.base(), signed, plain, releases.subList(0, clients), perClient);
            }
            latency(server.base(), client, project, plain, releases.get(0), events, pollMs + " ms, listen " + listen);
        }
    }

    private static void warmUp(URI base, Credential signed, Credential plain, String release) throws Exception {
        for (int i = 0; i < 30; i++) {
            push(base, i % 2 == 0 ? signed : plain, release, "warm" + i);
        }
    }

    private static void throughput(URI base, Credential signed, Credential plain, List<String> releases, int perClient)
            throws Exception {
        List<Double> signedRates = new ArrayList<>();
        List<Double> plainRates = new ArrayList<>();
        List<Double> signedTimes = Collections.synchronizedList(new ArrayList<>());
        List<Double> plainTimes = Collections.synchronizedList(new ArrayList<>());
        for (int round = 0; round < 3; round++) {
            // alternate which mode goes first, so that drift on the shared machine falls on both
            boolean signedFirst = round % 2 == 0;
            for (int half = 0; half < 2; half++) {
                boolean useSigned = signedFirst == (half == 0);
                double rate = run(base, useSigned ? signed : plain, releases, perClient, useSigned ? signedTimes : plainTimes);
                (useSigned ? signedRates : plainRates).add(rate);
            }
        }
        double s = ParseBench.median(signedRates);
        double p = ParseBench.median(plainRates);
        System.out.printf("  %d client(s): signed %6.1f req/s p50 %6.1f ms p99 %6.1f ms | unsigned %6.1f req/s p50 %6.1f ms"
                + " p99 %6.1f ms | signed/unsigned throughput %.2f, p50 %.2f%n", releases.size(), s,
                ImportBench.percentile(signedTimes, 50), ImportBench.percentile(signedTimes, 99), p,
                ImportBench.percentile(plainTimes, 50), ImportBench.percentile(plainTimes, 99), s / p,
                ImportBench.percentile(signedTimes, 50) / ImportBench.percentile(plainTimes, 50));
    }

    /** {@code releases.size()} clients push {@code perClient} reports each; answers requests per second. */
    private static double run(URI base, Credential credential, List<String> releases, int perClient, List<Double> times)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(releases.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (String release : releases) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perClient; i++) {
                    long t = System.nanoTime();
                    push(base, credential, release, "r" + ThreadLocalRandom.current().nextInt(4));
                    times.add((System.nanoTime() - t) / 1e6);
                }
                return null;
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return releases.size() * perClient / seconds;
    }

    /** One push of a one-result SARIF report; {@code rule} varies the content a little. */
    static HttpResponse<String> push(URI base, Credential credential, String release, String rule) throws Exception {
        String boundary = "bench" + UUID.randomUUID();
        String sarif = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"bench\",\"rules\":[{\"id\":\""
                + rule + "\"}]}},\"results\":[{\"ruleId\":\"" + rule + "\",\"level\":\"error\",\"message\":{\"text\":\"x\"},"
                + "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/" + rule + ".java\"},"
                + "\"region\":{\"startLine\":3}}}]}]}]}";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"scanner\"\r\n\r\nsarif\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.sarif\"\r\n\r\n" + sarif + "\r\n--" + boundary
                + "--\r\n").getBytes(StandardCharsets.UTF_8);
        String path = "/api/v1/releases/" + release + "/imports";
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + credential.token())
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (credential.key() != null) {
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            String nonce = UUID.randomUUID().toString().replace("-", "");
            String digest = RequestSignature.hex(RequestSignature.sha256().digest(body));
            request.header(RequestSignature.KEY_ID, credential.keyId()).header(RequestSignature.TIMESTAMP, timestamp)
                    .header(RequestSignature.NONCE, nonce).header(RequestSignature.CONTENT_SHA256, digest)
                    .header(RequestSignature.SIGNATURE, RequestSignature.sign(credential.key(),
                            RequestSignature.canonical("POST", path, timestamp, nonce, digest)));
        }
        HttpResponse<String> reply = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        ImportBench.check(reply.statusCode() == 201, "push: " + reply.statusCode() + " " + reply.body());
        return reply;
    }

    /** Pushes that each create a finding; the webhook receiver here notes when their event arrives. */
    private static void latency(URI base, ImportBench client, String project, Credential credential, String release,
            int events, String pollMs) throws Exception {
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            long at = System.nanoTime();
            byte[] payload = exchange.getRequestBody().readAllBytes();
            try {
                arrived.putIfAbsent(JSON.readTree(payload).path("id").asText(), at);
            } finally {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            }
        });
        receiver.start();
        try {
            client.admin("POST", "/api/v1/projects/" + project + "/webhooks", "{\"url\":\"http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hook\",\"events\":[\"findings.changed\"]}", 201);
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                int before = arrived.size();
                push(base, credential, release, "lat" + UUID.randomUUID().toString().substring(0, 8));
                long answered = System.nanoTime();
                long deadline = answered + 30_000_000_000L;
                while (arrived.size() == before && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                ImportBench.check(arrived.size() > before, "no webhook within 30 s");
                long at = Collections.max(arrived.values());
                latencies.add((at - answered) / 1e6);
                Thread.sleep(ThreadLocalRandom.current().nextInt(50, 400));
            }
            System.out.printf("relay latency (poll %s): push answered → webhook received, %d events: median %.1f ms,"
                    + " p95 %.1f ms, max %.1f ms%n", pollMs, events, ImportBench.percentile(latencies, 50),
                    ImportBench.percentile(latencies, 95), Collections.max(latencies));
        } finally {
            receiver.stop(0);
        }
    }
}
