package org.gatehouse.web.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gatehouse.issuetracker.api.WebhookSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue-tracker sync on the real runtime (issue 7, ADR 0016) against a fake GitHub (WireMock, the
 * documented shapes of the REST API and the issues webhook): a finding imported from a report is
 * filed as an issue; closing the issue (a signed webhook) makes the finding fixed-unverified and
 * reopening it reopens the finding; the reconcile finds a closed issue without any webhook;
 * Gatehouse's own state changes appear as comments, the tracker's do not bounce back.
 */
@ExtendWith(GatehouseServer.class)
class TrackerSyncIT {
    static final String TOKEN = "ghp_TRACKER-token-never-shown";
    private static final WireMockServer GITHUB = new WireMockServer(options().dynamicPort());

    @BeforeAll
    static void startTracker() {
        GITHUB.start();
        GITHUB.stubFor(get(urlPathEqualTo("/repos/acme/shop")).willReturn(json(200,
                "{\"id\":1,\"full_name\":\"acme/shop\",\"has_issues\":true}")));
        GITHUB.stubFor(post(urlPathMatching("/repos/acme/shop/issues/[0-9]+/comments")).willReturn(json(201,
                "{\"id\":1,\"body\":\"…\"}")));
    }

    @AfterAll
    static void stopTracker() {
        GITHUB.stop();
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String issue(int number, String state, String reason) {
        return "{\"number\":" + number + ",\"state\":\"" + state + "\",\"state_reason\":" + (reason == null ? "null" : "\""
                + reason + "\"") + ",\"html_url\":\"https://github.com/acme/shop/issues/" + number + "\",\"title\":\"x\","
                + "\"labels\":[{\"name\":\"gatehouse\"}],\"updated_at\":\"" + java.time.Instant.now() + "\"}";
    }

    /** A project with an owner and a release whose import found two findings (Cart, Order), for the tracker ITs. */
    record TwoFindings(String project, Api owner, String release, String first, String second) {
        static TwoFindings imported(Users users, Api admin, String prefix) {
            String project = Fixtures.createProject(admin, prefix);
            Api owner = users.withProjectRole("PROJECT_OWNER", project);
            String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json()
                    .get("id").asText();
            Api.Reply imported = owner.upload(release, "scan.sarif", FindingsIT.sarif("", 0, FindingsIT.A, FindingsIT.B),
                    "scanner", "sarif");
            assertEquals(201, imported.status(), imported.toString());
            JsonNode items = owner.get("/api/v1/findings?project=" + project).json().get("items");
            return new TwoFindings(project, owner, release, items.get(0).get("id").asText(), items.get(1).get("id").asText());
        }
    }

    @Test
    void findingsFiledAsIssuesFollowTheTrackerBothWays(Users users, Api admin) throws Exception {
        TwoFindings setup = TwoFindings.imported(users, admin, "TRK");
        String project = setup.project();
        Api owner = setup.owner();
        String release = setup.release();
        String first = setup.first();
        String second = setup.second();

        // SSRF guard: link-local (cloud metadata) is refused even though loopback is allowed in tests
        Api.Reply metadata = owner.put("/api/v1/projects/" + project + "/tracker", "{\"tracker\":\"github\",\"baseUrl\":"
                + "\"http://169.254.169.254\",\"container\":\"acme/shop\",\"token\":\"" + TOKEN + "\"}");
        assertEquals(400, metadata.status(), metadata.toString());

        Api.Reply saved = owner.put("/api/v1/projects/" + project + "/tracker", "{\"tracker\":\"github\",\"baseUrl\":\""
                + GITHUB.baseUrl() + "\",\"container\":\"acme/shop\",\"language\":\"zh-CN\",\"token\":\"" + TOKEN + "\"}");
        assertEquals(200, saved.status(), saved.toString());
        String secret = saved.json().get("webhookSecret").asText();
        String hook = saved.json().get("webhookPath").asText();
        assertEquals("X-Hub-Signature-256", saved.json().get("signatureHeader").asText());
        Api.Reply shown = owner.get("/api/v1/projects/" + project + "/tracker");
        assertFalse(shown.body().contains(TOKEN) || shown.body().contains(secret), "never shown again: " + shown);
        assertTrue(shown.json().path("webhookSecret").isNull() || shown.json().path("webhookSecret").isMissingNode());
        Api.Reply check = owner.post("/api/v1/projects/" + project + "/tracker/check", null);
        assertEquals(200, check.status(), check.toString());
        assertTrue(check.json().get("detail").asText().contains("acme/shop"));

        // file the first finding: an issue on the fake tracker, in Chinese, with the token as Bearer
        GITHUB.stubFor(post(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(json(201, issue(42, "open", null))));
        Api.Reply filed = owner.post("/api/v1/projects/" + project + "/tracker/issues", "{\"findingIds\":[\"" + first + "\"]}");
        assertEquals(201, filed.status(), filed.toString());
        assertEquals("42", filed.json().get("created").get(0).get("issueKey").asText());
        LoggedRequest created = GITHUB.findAll(postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues"))).get(0);
        assertEquals("Bearer " + TOKEN, created.getHeader("Authorization"));
        assertEquals("2022-11-28", created.getHeader("X-GitHub-Api-Version"));
        assertTrue(created.getBodyAsString().contains("严重程度"), created.getBodyAsString());
        assertEquals(409, owner.post("/api/v1/projects/" + project + "/tracker/issues", "{\"findingIds\":[\"" + first
                + "\"]}").status(), "a finding is filed once");

        // closing the issue: GitHub's signed webhook → the finding is fixed, unverified (B.1.3.1-ih)
        String closed = "{\"action\":\"closed\",\"issue\":" + issue(42, "closed", "completed")
                + ",\"repository\":{\"full_name\":\"acme/shop\"},\"sender\":{\"login\":\"dev1\"}}";
        assertEquals(401, webhook(admin, hook, closed, "sha256=" + "0".repeat(64)).statusCode(), "a forged signature");
        assertEquals("NEW", state(owner, first));
        GITHUB.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/42")).willReturn(json(200, issue(42, "closed", "completed"))));
        HttpResponse<String> delivered = webhook(admin, hook, closed, WebhookSignature.sign(WebhookSignature.key(secret),
                closed.getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, delivered.statusCode(), delivered.body());
        assertEquals("FIXED_UNVERIFIED", state(owner, first));
        JsonNode history = owner.get("/api/v1/findings/" + first).json().get("history");
        assertEquals("system:issue-tracker:github:acme/shop#42", history.get(history.size() - 1).get("actor").asText());
        HttpResponse<String> again = webhook(admin, hook, closed, WebhookSignature.sign(WebhookSignature.key(secret),
                closed.getBytes(StandardCharsets.UTF_8)));
        assertTrue(again.body().contains("\"findingsChanged\":0"), "a redelivery changes nothing: " + again.body());

        // reopening the issue reopens the finding
        String reopened = "{\"action\":\"reopened\",\"issue\":" + issue(42, "open", "reopened")
                + ",\"repository\":{\"full_name\":\"acme/shop\"},\"sender\":{\"login\":\"dev1\"}}";
        GITHUB.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/42")).willReturn(json(200, issue(42, "open", "reopened"))));
        assertEquals(200, webhook(admin, hook, reopened, WebhookSignature.sign(WebhookSignature.key(secret),
                reopened.getBytes(StandardCharsets.UTF_8))).statusCode());
        assertEquals("REOPENED", state(owner, first));
        // a late redelivery of "closed": the issue is read as GitHub holds it now, the finding stays reopened
        HttpResponse<String> late = webhook(admin, hook, closed, WebhookSignature.sign(WebhookSignature.key(secret),
                closed.getBytes(StandardCharsets.UTF_8)));
        assertTrue(late.body().contains("\"findingsChanged\":0"), "a stale redelivery changes nothing: " + late.body());
        assertEquals("REOPENED", state(owner, first));

        // a change made in Gatehouse is commented on the issue; the tracker's own changes are not echoed
        Api.Reply confirmed = owner.post("/api/v1/findings/" + first + "/triage", "{\"action\":\"confirm\"}", "If-Match", "*");
        assertEquals(200, confirmed.status(), confirmed.toString());
        List<String> comments = awaitComments(42, "已确认");
        assertTrue(comments.stream().noneMatch(c -> c.contains("FIXED_UNVERIFIED") || c.contains("已修复")),
                "the tracker's own changes bounce back: " + comments);

        // the reconcile: the second finding's issue is closed while no webhook arrives
        GITHUB.stubFor(post(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(json(201, issue(43, "open", null))));
        assertEquals(201, owner.post("/api/v1/projects/" + project + "/tracker/issues", "{\"findingIds\":[\"" + second
                + "\"]}").status());
        GITHUB.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(json(200, "[" + issue(43, "closed",
                "completed") + "," + issue(42, "open", "reopened") + "]")));
        Api.Reply reconciled = owner.post("/api/v1/projects/" + project + "/tracker/reconcile", null);
        assertEquals(200, reconciled.status(), reconciled.toString());
        assertEquals(1, reconciled.json().get("findingsChanged").asInt(), reconciled.toString());
        assertEquals("FIXED_UNVERIFIED", state(owner, second));
        assertEquals("CONFIRMED", state(owner, first), "an issue still open leaves its finding as it is");
        assertEquals(0, owner.post("/api/v1/projects/" + project + "/tracker/reconcile", null).json()
                .get("findingsChanged").asInt(), "a second reconcile changes nothing");

        JsonNode links = owner.get("/api/v1/projects/" + project + "/tracker/issues").json();
        assertEquals(2, links.size());
        // the token appears in no log of the server
        try (Stream<Path> logs = Files.list(GatehouseServer.itDirectory())) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("payara-")).toList()) {
                assertFalse(Files.isRegularFile(log) && Files.readString(log).contains(TOKEN), "token in " + log);
            }
        }
    }

    @Test
    void trackerFailuresAreProblemsAndNothingIsLinked(Users users, Api admin) {
        String project = Fixtures.createProject(admin, "TRF");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json()
                .get("id").asText();
        owner.upload(release, "scan.sarif", FindingsIT.sarif("", 0, FindingsIT.A), "scanner", "sarif");
        String finding = owner.get("/api/v1/findings?project=" + project).json().get("items").get(0).get("id").asText();
        owner.put("/api/v1/projects/" + project + "/tracker", "{\"tracker\":\"github\",\"baseUrl\":\"" + GITHUB.baseUrl()
                + "/rate-limited\",\"container\":\"acme/shop\",\"token\":\"" + TOKEN + "\"}");
        GITHUB.stubFor(post(urlPathEqualTo("/rate-limited/repos/acme/shop/issues")).willReturn(json(429,
                "{\"message\":\"secondary rate limit\"}").withHeader("Retry-After", "30")));
        Api.Reply refused = owner.post("/api/v1/projects/" + project + "/tracker/issues", "{\"findingIds\":[\"" + finding
                + "\"]}");
        assertEquals(502, refused.status(), refused.toString());
        assertEquals("urn:gatehouse:problem:tracker-failed", refused.json().get("type").asText());
        assertTrue(refused.json().get("detail").asText().contains("RATE_LIMITED"), refused.toString());
        assertFalse(refused.body().contains(TOKEN));
        assertEquals(0, owner.get("/api/v1/projects/" + project + "/tracker/issues").json().size());
        assertTrue(owner.get("/api/v1/projects/" + project + "/tracker").json().get("lastError").asText()
                .contains("RATE_LIMITED"));
    }

    private static String state(Api api, String finding) {
        return api.get("/api/v1/findings/" + finding).json().get("finding").get("state").asText();
    }

    private static HttpResponse<String> webhook(Api admin, String path, String body, String signature)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(admin.base().resolve(path)).header("Content-Type", "application/json")
                .header("X-GitHub-Event", "issues").header("X-GitHub-Delivery", java.util.UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", signature).header("X-Forwarded-For", "192.0.2.77")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> awaitComments(int issue, String containing) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            List<String> bodies = GITHUB.findAll(postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues/" + issue
                    + "/comments"))).stream().map(LoggedRequest::getBodyAsString).toList();
            if (bodies.stream().anyMatch(b -> b.contains(containing))) {
                return bodies;
            }
            assertTrue(System.nanoTime() < deadline, "no comment with " + containing + " on issue " + issue + ": " + bodies);
            Thread.sleep(200);
        }
    }
}
