package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.gatehouse.cli.GatehouseCli;
import org.gatehouse.notify.webhook.WebhookSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Outbound events (issue 7, ADR 0015) against the real server: the CLI pushes a real report with a
 * signed token and reads the gate verdict; the outbox relay delivers the import's event to a webhook
 * receiver in this test (which checks the HMAC signature, the delivery id and the event type) and
 * e-mails the project owner through a real SMTP server (GreenMail); a refused move is announced;
 * a failing receiver is retried and every attempt is in the delivery log; a delivery is redelivered
 * with the same id; SSRF targets are refused.
 */
@ExtendWith(GatehouseServer.class)
class OutboundEventsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request the receiver got. */
    record Received(Map<String, List<String>> headers, byte[] body, int answered) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /** A webhook receiver on loopback that answers 500 to the first {@code failFirst} requests of an event type. */
    static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final List<Received> received = Collections.synchronizedList(new ArrayList<>());
        final String failType;
        final AtomicInteger failuresLeft;

        Receiver(String failType, int failFirst) throws IOException {
            this.failType = failType;
            this.failuresLeft = new AtomicInteger(failFirst);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String type = exchange.getRequestHeaders().getFirst("Gatehouse-Event");
                int status = failType.equals(type) && failuresLeft.getAndDecrement() > 0 ? 500 : 204;
                received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, status));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<Received> await(String type, int count, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (true) {
                List<Received> matching;
                synchronized (received) {
                    matching = received.stream().filter(r -> type.equals(r.header("Gatehouse-Event"))).toList();
                }
                if (matching.size() >= count || System.nanoTime() > end) {
                    return matching;
                }
                Thread.sleep(50);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static Path fixture() {
        // a real SpotBugs SARIF report (a copy of ../shared/fixtures/sarif/spotbugs.sarif, see the fixtures' README)
        try (java.io.InputStream in = OutboundEventsIT.class.getResourceAsStream("/fixtures/spotbugs.sarif")) {
            Path report = Files.createTempFile("spotbugs", ".sarif");
            Files.write(report, in.readAllBytes());
            report.toFile().deleteOnExit();
            return report;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int cli(Map<String, String> env, StringBuilder output, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = GatehouseCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        output.append(out.toString(StandardCharsets.UTF_8)).append(err.toString(StandardCharsets.UTF_8));
        System.out.println("[it] gatehouse-cli " + String.join(" ", args) + " → " + exit + "\n" + output);
        return exit;
    }

    @Test
    void aPushedReportReachesTheWebhookAndTheOwnersMailbox(Api admin, Users users) throws Exception {
        String project = Fixtures.createProject(admin, "OUT");
        String email = "owner-" + project.toLowerCase() + "@example.test";
        String login = ("o" + Fixtures.uniqueKey("")).toLowerCase();
        assertEquals(201, admin.post("/api/v1/accounts", "{\"login\":\"" + login + "\",\"displayName\":\"Owner\",\"email\":\""
                + email + "\",\"initialPassword\":\"First-Password-2026x\"}").status());
        users.grant(login, "PROJECT_OWNER", Optional.of(project));
        Api owner = Users.firstLogin(admin.anonymous(), login, "First-Password-2026x", Users.PASSWORD);
        Api.Reply chosen = owner.put("/api/v1/session/notification-preferences",
                "{\"events\":[\"findings.changed\",\"gate.blocked\"],\"language\":\"en\"}");
        assertEquals(200, chosen.status(), chosen::toString);

        try (Receiver receiver = new Receiver("gate.blocked", 1)) {
            Api.Reply hook = owner.post("/api/v1/projects/" + project + "/webhooks", "{\"url\":\"" + receiver.url()
                    + "\",\"events\":[\"findings.changed\",\"gate.blocked\",\"release.phase-changed\"]}");
            assertEquals(201, hook.status(), hook::toString);
            String hookId = hook.json().get("id").asText();
            byte[] secret = hook.json().get("secret").asText().getBytes(StandardCharsets.UTF_8);
            JsonNode listed = owner.get("/api/v1/projects/" + project + "/webhooks").json().get(0);
            assertTrue(listed.path("secret").isMissingNode() || listed.path("secret").isNull(), "the secret is shown once");

            String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json()
                    .get("id").asText();
            String service = owner.post("/api/v1/projects/" + project + "/service-accounts", "{\"name\":\"ci\"}").json()
                    .get("login").asText();
            JsonNode token = owner.post("/api/v1/projects/" + project + "/service-accounts/" + service + "/tokens",
                    "{\"name\":\"ci\",\"scopes\":[\"releases:read\",\"scans:push\",\"gate:read\"],\"signed\":true}").json();
            Map<String, String> env = Map.of("GATEHOUSE_URL", admin.base().toString(), "GATEHOUSE_TOKEN",
                    token.get("token").asText(), "GATEHOUSE_KEY_ID", token.get("signingKeyId").asText(),
                    "GATEHOUSE_HMAC_KEY", token.get("signingKey").asText());

            StringBuilder pushed = new StringBuilder();
            assertEquals(0, cli(env, pushed, "push", "--release", release, "--scanner", "sarif", "--file",
                    fixture().toString(), "--commit", "0123456789abcdef", "--build", "7"), pushed::toString);
            StringBuilder gate = new StringBuilder();
            assertEquals(1, cli(env, gate, "gate", "--release", release), "the gate fails in the requirements phase");
            assertTrue(gate.toString().contains("requirements"), gate::toString);

            // the webhook: signed, with a delivery id and the event type; one event for the whole import
            List<Received> imported = receiver.await("findings.changed", 1, Duration.ofSeconds(30));
            assertEquals(1, imported.size(), "one event per import, whatever the number of findings");
            Received delivery = imported.get(0);
            assertTrue(WebhookSignature.verify(secret, delivery.header("Gatehouse-Signature"), delivery.body()),
                    "the HMAC-SHA256 signature verifies with the webhook's secret");
            assertFalse(WebhookSignature.verify("whsec_wrong".getBytes(StandardCharsets.UTF_8),
                    delivery.header("Gatehouse-Signature"), delivery.body()));
            assertTrue(delivery.header("Gatehouse-Delivery").matches("[0-9a-f-]{36}"), delivery.headers()::toString);
            JsonNode payload = delivery.json();
            assertEquals("findings.changed", payload.get("type").asText());
            assertEquals(project, payload.get("project").asText());
            int created = payload.get("data").get("created").asInt();
            assertTrue(created > 0, payload::toString);
            assertTrue(payload.get("data").get("createdSample").size() == Math.min(20, created), payload::toString);

            // the e-mail, in the owner's language, through real SMTP
            List<MimeMessage> mails = Mailbox.awaitFor(email, Duration.ofSeconds(30));
            assertEquals(1, mails.size(), "one e-mail for the import");
            assertTrue(mails.get(0).getSubject().contains(project + ": new or reopened findings"), mails.get(0).getSubject());
            assertTrue(String.valueOf(mails.get(0).getContent()).contains("created: " + created),
                    () -> "the mail lists the counts");

            // a refused move: announced, the first attempt fails (500) and the retry succeeds
            Api.Reply refused = owner.post("/api/v1/releases/" + release + "/lifecycle/transitions", "{\"trigger\":\"advance\"}",
                    "If-Match", "\"0\"");
            assertEquals(409, refused.status(), refused::toString);
            List<Received> blocked = receiver.await("gate.blocked", 2, Duration.ofSeconds(30));
            assertEquals(2, blocked.size(), "500 first, then retried");
            assertEquals(blocked.get(0).header("Gatehouse-Delivery"), blocked.get(1).header("Gatehouse-Delivery"),
                    "a retry keeps its delivery id");
            assertTrue(blocked.get(1).json().get("data").get("reasonCount").asInt() > 0);

            JsonNode log = awaitDelivered(owner, project, hookId, "gate.blocked");
            assertEquals(2, log.get("attempts").asInt(), log::toString);
            assertEquals(500, log.get("history").get(0).get("statusCode").asInt(), log::toString);
            assertEquals(204, log.get("history").get(1).get("statusCode").asInt(), log::toString);
            Api auditor = users.withGlobalRole("AUDITOR");
            assertEquals(200, auditor.get("/api/v1/projects/" + project + "/webhooks/" + hookId + "/deliveries").status(),
                    "auditors read the delivery log");

            // manual redelivery: the same delivery id once more
            Api.Reply again = owner.post("/api/v1/projects/" + project + "/webhooks/" + hookId + "/deliveries/"
                    + delivery.header("Gatehouse-Delivery") + "/redelivery", "");
            assertEquals(202, again.status(), again::toString);
            List<Received> twice = receiver.await("findings.changed", 2, Duration.ofSeconds(30));
            assertEquals(2, twice.size());
            assertEquals(delivery.header("Gatehouse-Delivery"), twice.get(1).header("Gatehouse-Delivery"));
        }
    }

    @Test
    void webhooksRefuseTargetsInsideTheNetwork(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "SSRF");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/hook", "http://[fd00::1]/x",
                "http://192.168.1.1:8080/", "http://224.0.0.1/")) {
            Api.Reply refused = owner.post("/api/v1/projects/" + project + "/webhooks",
                    "{\"url\":\"" + url + "\",\"events\":[\"gate.blocked\"]}");
            assertEquals(400, refused.status(), url + " " + refused);
            assertTrue(refused.body().contains("loopback, link-local, private or multicast"), refused::toString);
        }
        for (String url : List.of("ftp://example.test/x", "file:///etc/passwd", "http://user:pw@127.0.0.1/x")) {
            assertEquals(400, owner.post("/api/v1/projects/" + project + "/webhooks",
                    "{\"url\":\"" + url + "\",\"events\":[\"gate.blocked\"]}").status(), url);
        }
        assertEquals(400, owner.post("/api/v1/projects/" + project + "/webhooks",
                "{\"url\":\"http://127.0.0.1:9/x\",\"events\":[\"no.such-event\"]}").status());
        Api developer = users.withProjectRole("DEVELOPER", project);
        assertEquals(403, developer.post("/api/v1/projects/" + project + "/webhooks",
                "{\"url\":\"http://127.0.0.1:9/x\",\"events\":[\"gate.blocked\"]}").status(), "owners only");
    }

    private static JsonNode awaitDelivered(Api owner, String project, String hook, String type) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode list = owner.get("/api/v1/projects/" + project + "/webhooks/" + hook + "/deliveries").json();
            for (JsonNode d : list) {
                if (d.get("eventType").asText().equals(type) && d.get("status").asText().equals("DELIVERED")) {
                    return d;
                }
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not delivered: " + list);
            }
            Thread.sleep(100);
        }
    }
}
