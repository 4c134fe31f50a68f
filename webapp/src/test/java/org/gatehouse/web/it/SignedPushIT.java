package org.gatehouse.web.it;

import static org.gatehouse.web.it.ProjectsIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gatehouse.cli.GatehouseCli;
import org.gatehouse.platform.crypto.RequestSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The signed CI push API (issue 7, ADR 0012; TC260 7.8.3-dl..ds) against the real server: the CLI
 * pushes and gates with a signed token; a wrong signature, a stale timestamp, a replayed nonce and a
 * tampered body are refused with nothing imported; level-3 projects refuse unsigned tokens; source
 * ranges hold; an idempotent retry (also racing the first push) imports once; every call is logged.
 */
@ExtendWith(GatehouseServer.class)
class SignedPushIT {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A project with a release and a signed token (every scope) of its CI service account. */
    private record Setup(String project, Api owner, String release, String token, String keyId, byte[] key, URI base) {
        Map<String, String> env() {
            return Map.of("GATEHOUSE_URL", base.toString(), "GATEHOUSE_TOKEN", token, "GATEHOUSE_KEY_ID", keyId,
                    "GATEHOUSE_HMAC_KEY", Base64.getEncoder().encodeToString(key));
        }
    }

    private static Setup setup(Api admin, Users users, int level, String tokenOptions) {
        String project = Fixtures.uniqueKey("SIG");
        assertEquals(201, admin.post("/api/v1/projects", Fixtures.project(project, "Signed " + project, level)).status());
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id")
                .asText();
        String service = owner.post("/api/v1/projects/" + project + "/service-accounts", "{\"name\":\"gha\"}").json()
                .get("login").asText();
        Api.Reply issued = owner.post("/api/v1/projects/" + project + "/service-accounts/" + service + "/tokens",
                "{\"name\":\"ci\",\"scopes\":[\"releases:read\",\"scans:push\",\"gate:read\"]" + tokenOptions + "}");
        assertEquals(201, issued.status(), issued::toString);
        JsonNode token = issued.json();
        byte[] key = token.path("signingKey").isTextual() ? Base64.getDecoder().decode(token.get("signingKey").asText()) : null;
        return new Setup(project, owner, release, token.get("token").asText(), token.path("signingKeyId").asText(null), key,
                admin.base());
    }

    private static Setup signedSetup(Api admin, Users users) {
        return setup(admin, users, 2, ",\"signed\":true");
    }

    /** A request signed as the CLI would, with parts that a test may spoil. */
    private static final class Signed {
        String method = "GET";
        String path;
        byte[] body = new byte[0];
        byte[] signedBody;
        String contentType;
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String address = Api.nextAddress();
        Map<String, String> extra = new HashMap<>();
        String signature;

        HttpResponse<String> send(Setup s) {
            String digest = RequestSignature.hex(RequestSignature.sha256().digest(signedBody != null ? signedBody : body));
            HttpRequest.Builder request = HttpRequest.newBuilder(s.base().resolve(path)).timeout(Duration.ofSeconds(120))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Authorization", "Bearer " + s.token()).header("X-Forwarded-For", address);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (s.key() != null) {
                String canonical = RequestSignature.canonical(method, path, timestamp, nonce, digest);
                request.header(RequestSignature.KEY_ID, s.keyId()).header(RequestSignature.TIMESTAMP, timestamp)
                        .header(RequestSignature.NONCE, nonce).header(RequestSignature.CONTENT_SHA256, digest)
                        .header(RequestSignature.SIGNATURE, signature != null ? signature
                                : RequestSignature.sign(s.key(), canonical));
            }
            extra.forEach(request::header);
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Signed upload(Setup s, byte[] report) {
        String boundary = "----signed-it-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"scanner\"\r\n\r\nsarif\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.sarif\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(report);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Signed signed = new Signed();
        signed.method = "POST";
        signed.path = "/api/v1/releases/" + s.release() + "/imports";
        signed.body = body.toByteArray();
        signed.contentType = "multipart/form-data; boundary=" + boundary;
        return signed;
    }

    private static Signed get(String path) {
        Signed signed = new Signed();
        signed.path = path;
        return signed;
    }

    private static int imports(Setup s) {
        return s.owner().get("/api/v1/releases/" + s.release() + "/imports").json().get("items").size();
    }

    private static void assertRejected(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"urn:gatehouse:problem:" + type + "\""), response.body());
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = GatehouseCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        Run run = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println("[it] gatehouse-cli " + String.join(" ", args) + " → " + exit + "\n" + run.out() + run.err());
        return run;
    }

    private static Path report(byte[] content) {
        try {
            Path file = Files.createTempFile("signed-push-", ".sarif");
            Files.write(file, content);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theCliPushesSignedAndTheGateAnswersWithExitCodes(Api admin, Users users, TestDatabase database) {
        Setup s = signedSetup(admin, users);
        Path file = report(FindingsIT.sarif("", 0, FindingsIT.A, FindingsIT.B));
        Run pushed = cli(s.env(), "push", "--release", s.release(), "--scanner", "sarif", "--file", file.toString(),
                "--commit", "0123456789abcdef", "--build", "42");
        assertEquals(0, pushed.exit(), pushed::toString);
        assertTrue(pushed.out().contains("COMPLETED: created 2,"), pushed.out());
        assertTrue(pushed.err().startsWith("uploading "), "plain progress lines when not on a terminal: " + pushed.err());
        assertEquals(1, imports(s));

        Run again = cli(s.env(), "push", "--release", s.release(), "--scanner", "sarif", "--file", file.toString(),
                "--commit", "0123456789abcdef", "--build", "42");
        assertEquals(0, again.exit(), again::toString);
        assertTrue(again.err().contains("already pushed with idempotency key"), again.err());
        assertEquals(1, imports(s), "the default idempotency key (report, release, commit, build) imports once");

        Run gate = cli(s.env(), "gate", "--release", s.release());
        assertEquals(1, gate.exit(), "a release in its requirements phase does not pass: " + gate);
        assertTrue(gate.err().contains("requirements"), gate.err());

        database.execute(database.owner(), "UPDATE release SET phase = 'RELEASED', status = 'CLOSED', closed_at = now()"
                + " WHERE id = '" + s.release() + "'");
        assertEquals(0, cli(s.env(), "gate", "--release", s.release()).exit(), "a released release passes");
        assertEquals(2, cli(s.env(), "gate", "--release", UUID.randomUUID().toString()).exit(), "an unknown release");
        Map<String, String> wrongKey = new HashMap<>(s.env());
        wrongKey.put("GATEHOUSE_HMAC_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        Run refused = cli(wrongKey, "gate", "--release", s.release());
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("signature-rejected"), refused.err());
    }

    @Test
    void wrongSignaturesStaleTimestampsReplaysAndTamperedBodiesImportNothing(Api admin, Users users) {
        Setup s = signedSetup(admin, users);
        byte[] report = FindingsIT.sarif("", 0, FindingsIT.A);

        Signed wrong = upload(s, report);
        wrong.signature = RequestSignature.sign(new byte[32], "something else");
        assertRejected(wrong.send(s), 401, "signature-rejected");

        Signed stale = upload(s, report);
        stale.timestamp = String.valueOf(Instant.now().minusSeconds(301).getEpochSecond());
        HttpResponse<String> staleAnswer = stale.send(s);
        assertRejected(staleAnswer, 401, "signature-rejected");
        assertTrue(staleAnswer.body().contains("too far"), staleAnswer.body());

        Signed tampered = upload(s, report);
        tampered.signedBody = tampered.body.clone();
        int at = new String(tampered.body, StandardCharsets.ISO_8859_1).indexOf("Cart.java");
        tampered.body[at] = 'K'; // same length, other content
        HttpResponse<String> tamperedAnswer = tampered.send(s);
        assertRejected(tamperedAnswer, 401, "signature-rejected");
        assertTrue(tamperedAnswer.body().contains("X-Gatehouse-Content-SHA256"), tamperedAnswer.body());

        Signed missing = get("/api/v1/releases/" + s.release() + "/gate");
        missing.extra.put(RequestSignature.NONCE, "");
        assertRejected(missing.send(s), 401, "signature-rejected");

        Signed first = get("/api/v1/releases/" + s.release() + "/gate");
        assertEquals(200, first.send(s).statusCode());
        HttpResponse<String> replayed = first.send(s);
        assertRejected(replayed, 401, "signature-rejected");
        assertTrue(replayed.body().contains("nonce was used"), replayed.body());

        Signed rfc3339 = get("/api/v1/releases/" + s.release() + "/gate");
        rfc3339.timestamp = Instant.now().toString();
        assertEquals(200, rfc3339.send(s).statusCode(), "RFC 3339 timestamps work too");

        assertEquals(0, imports(s), "no refused push imported anything");
        Signed good = upload(s, report);
        HttpResponse<String> accepted = good.send(s);
        assertEquals(201, accepted.statusCode(), accepted.body());
        assertEquals(1, imports(s));
    }

    @Test
    void levelThreeProjectsRefuseUnsignedTokensAndSourceRangesHold(Api admin, Users users) {
        Setup unsigned = setup(admin, users, 3, "");
        HttpResponse<String> refused = get("/api/v1/releases/" + unsigned.release() + "/gate").send(unsigned);
        assertRejected(refused, 401, "signature-rejected");
        assertTrue(refused.body().contains("protection level 3"), refused.body());
        assertRejected(upload(unsigned, FindingsIT.sarif("", 0, FindingsIT.A)).send(unsigned), 401, "signature-rejected");
        assertEquals(0, imports(unsigned));

        Setup signed = setup(admin, users, 3, ",\"signed\":true,\"allowedSources\":[\"192.0.2.0/24\",\"2001:db8::/32\"]");
        Signed outside = get("/api/v1/releases/" + signed.release() + "/gate");
        assertRejected(outside.send(signed), 403, "source-rejected");
        Signed inside = get("/api/v1/releases/" + signed.release() + "/gate");
        inside.address = "192.0.2.77";
        assertEquals(200, inside.send(signed).statusCode());
        Signed inside6 = get("/api/v1/releases/" + signed.release() + "/gate");
        inside6.address = "2001:db8:1::5";
        assertEquals(200, inside6.send(signed).statusCode());
        JsonNode listed = signed.owner().get("/api/v1/projects/" + signed.project() + "/service-accounts").json().get(0)
                .get("tokens").get(0);
        assertEquals(List.of("192.0.2.0/24", "2001:db8:0:0:0:0:0:0/32"), List.of(listed.get("allowedSources").get(0).asText(),
                listed.get("allowedSources").get(1).asText()));
        assertTrue(listed.path("signingKey").isMissingNode() && listed.path("token").isMissingNode(),
                "secrets are shown once: " + listed);
        assertTrue(listed.get("signingKeyId").asText().startsWith("gk_"), listed.toString());
        assertProblem(signed.owner().post("/api/v1/projects/" + signed.project() + "/service-accounts/"
                + "ci-" + signed.project().toLowerCase() + "-gha/tokens",
                "{\"name\":\"x\",\"scopes\":[\"releases:read\"],\"allowedSources\":[\"example.com\"]}"), 400, "bad-request");
    }

    @Test
    void anIdempotentRetryImportsOnceAlsoWhenItRacesTheFirst(Api admin, Users users) throws Exception {
        Setup s = signedSetup(admin, users);
        byte[] report = FindingsIT.sarif("", 0, FindingsIT.A, FindingsIT.C);

        Signed first = upload(s, report);
        first.extra.put("Idempotency-Key", "build-1");
        HttpResponse<String> one = first.send(s);
        assertEquals(201, one.statusCode(), one.body());
        Signed retry = upload(s, report);
        retry.extra.put("Idempotency-Key", "build-1");
        HttpResponse<String> two = retry.send(s);
        assertEquals(201, two.statusCode(), two.body());
        assertEquals(JSON.readTree(one.body()).get("id"), JSON.readTree(two.body()).get("id"));
        assertEquals("true", two.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(one.headers().firstValue("Location"), two.headers().firstValue("Location"));
        assertEquals(1, imports(s));

        Signed other = upload(s, FindingsIT.sarif("", 0, FindingsIT.B));
        other.extra.put("Idempotency-Key", "build-1");
        assertRejected(other.send(s), 422, "idempotency-key-reused");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<HttpResponse<String>>> racers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                racers.add(() -> {
                    Signed push = upload(s, report);
                    push.extra.put("Idempotency-Key", "build-2");
                    return push.send(s);
                });
            }
            Set<String> ids = new java.util.HashSet<>();
            for (Future<HttpResponse<String>> answer : pool.invokeAll(racers)) {
                HttpResponse<String> response = answer.get();
                assertTrue(response.statusCode() == 201 || response.statusCode() == 202, response.body());
                ids.add(JSON.readTree(response.body()).get("id").asText());
            }
            assertEquals(1, ids.size(), "both racers answer with the same import");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, imports(s), "build-1 once, build-2 once");
    }

    @Test
    void everyTokenCallIsLoggedForOwnersAndAuditors(Api admin, Users users) {
        Setup s = signedSetup(admin, users);
        assertEquals(200, get("/api/v1/releases/" + s.release() + "/gate").send(s).statusCode());
        Signed wrong = get("/api/v1/releases/" + s.release() + "/gate?x=1");
        wrong.signature = RequestSignature.sign(new byte[32], "x");
        assertEquals(401, wrong.send(s).statusCode());
        HttpResponse<String> pushed = upload(s, FindingsIT.sarif("", 0, FindingsIT.A)).send(s);
        assertEquals(201, pushed.statusCode(), pushed.body());

        JsonNode page = s.owner().get("/api/v1/projects/" + s.project() + "/api-calls?limit=2").json();
        JsonNode items = page.get("items");
        assertEquals(2, items.size());
        JsonNode push = items.get(0);
        assertEquals("POST", push.get("method").asText());
        assertEquals("/api/v1/releases/" + s.release() + "/imports", push.get("path").asText());
        assertEquals(201, push.get("status").asInt());
        assertEquals("valid", push.get("signature").asText());
        assertTrue(push.get("bytesIn").asLong() > 100, push.toString());
        assertTrue(push.get("account").asText().startsWith("ci-"), push.toString());
        assertEquals("bad-signature", items.get(1).get("signature").asText());
        assertEquals(401, items.get(1).get("status").asInt());
        assertTrue(items.get(1).get("path").asText().endsWith("/gate?x=1"));
        JsonNode next = s.owner().get("/api/v1/projects/" + s.project() + "/api-calls?cursor=" + page.get("nextCursor").asText())
                .json().get("items");
        assertEquals(1, next.size());
        assertEquals(200, next.get(0).get("status").asInt());

        assertEquals(3, users.withGlobalRole("AUDITOR").get("/api/v1/projects/" + s.project() + "/api-calls").json()
                .get("items").size());
        assertProblem(users.withProjectRole("DEVELOPER", s.project()).get("/api/v1/projects/" + s.project() + "/api-calls"),
                403, "forbidden");
    }
}
