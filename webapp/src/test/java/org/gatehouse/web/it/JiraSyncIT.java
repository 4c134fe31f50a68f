package org.gatehouse.web.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.gatehouse.issuetracker.api.WebhookSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue-tracker sync with Jira Cloud on the real runtime (issue 7, ADR 0016; B.1.3.1-ih): a fake Jira
 * (WireMock) answers the REST v3 calls of the adapter with the shapes of Atlassian's documentation
 * (the adapter's unit-test fixtures, {@code integrations/issue-trackers/src/test/resources/fixtures/jira}):
 * {@code GET /myself} and {@code /project/{key}} for the check, {@code POST /issue} (Basic e-mail:token,
 * the description in the Atlassian Document Format), {@code POST /issue/{key}/comment}, and the enhanced
 * JQL search {@code GET /search/jql} of the reconcile. Jira's admin webhook ({@code jira:issue_updated},
 * signed {@code X-Hub-Signature: sha256=<HMAC-SHA256 of the raw body under the secret>}) moves the finding.
 * The reconcile is run on request ({@code POST …/tracker/reconcile}), the code the five-minute schedule runs
 * ({@code TrackerSync.reconcile}); the shared test server keeps the five minutes so that no scheduled run
 * races the counts asserted here and in TrackerSyncIT.
 */
@ExtendWith(GatehouseServer.class)
class JiraSyncIT {
    static final String USER = "gatehouse@acme.example";
    static final String TOKEN = "ATATT3xFfGF0-jira-token-never-shown";
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + TOKEN)
            .getBytes(StandardCharsets.UTF_8));
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final WireMockServer JIRA = new WireMockServer(options().dynamicPort());

    @BeforeAll
    static void startJira() {
        JIRA.start();
        // anything without the right Basic credential: Jira's 401 (fixture error-401.json)
        JIRA.stubFor(urlPathMatchingAny("/rest/api/3/.*").atPriority(10).willReturn(json(401, "{\"errorMessages\":[\"You are "
                + "not authenticated. Authentication required to perform this operation.\"],\"errors\":{}}")));
        JIRA.stubFor(get(urlPathEqualTo("/rest/api/3/myself")).withHeader("Authorization", equalTo(BASIC)).willReturn(json(200,
                "{\"self\":\"" + JIRA.baseUrl() + "/rest/api/3/user?accountId=5b10a2844c20165700ede21g\",\"accountId\":"
                + "\"5b10a2844c20165700ede21g\",\"accountType\":\"atlassian\",\"emailAddress\":\"" + USER + "\",\"displayName\":"
                + "\"Gatehouse Bot\",\"active\":true,\"timeZone\":\"Asia/Shanghai\",\"locale\":\"zh_CN\"}")));
        JIRA.stubFor(get(urlPathEqualTo("/rest/api/3/project/SHOP")).withHeader("Authorization", equalTo(BASIC)).willReturn(
                json(200, "{\"self\":\"" + JIRA.baseUrl() + "/rest/api/3/project/10000\",\"id\":\"10000\",\"key\":\"SHOP\","
                        + "\"name\":\"Shop\",\"projectTypeKey\":\"software\",\"simplified\":false,\"style\":\"classic\","
                        + "\"isPrivate\":false}")));
        JIRA.stubFor(post(urlPathMatching("/rest/api/3/issue/SHOP-[0-9]+/comment")).withHeader("Authorization", equalTo(BASIC))
                .willReturn(json(201, "{\"self\":\"" + JIRA.baseUrl() + "/rest/api/3/issue/10041/comment/10100\",\"id\":"
                        + "\"10100\",\"author\":{\"accountId\":\"5b10a2844c20165700ede21g\",\"displayName\":\"Gatehouse Bot\","
                        + "\"active\":true},\"body\":{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\"…\"}]}]},\"created\":\"2026-01-05T10:12:00.000+0000\","
                        + "\"updated\":\"2026-01-05T10:12:00.000+0000\",\"jsdPublic\":true}")));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder urlPathMatchingAny(String regex) {
        return com.github.tomakehurst.wiremock.client.WireMock.any(urlPathMatching(regex));
    }

    @AfterAll
    static void stopJira() {
        JIRA.stop();
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
    }

    /** "Create issue" (201): id, key, self. */
    static String created(int number) {
        return "{\"id\":\"" + (10040 + number) + "\",\"key\":\"SHOP-" + number + "\",\"self\":\"" + JIRA.baseUrl()
                + "/rest/api/3/issue/" + (10040 + number) + "\",\"transition\":{\"status\":200,\"errorCollection\":"
                + "{\"errorMessages\":[],\"errors\":{}}}}";
    }

    /** An issue as "Get issue", the search and the webhook carry it: status with its category, resolution, updated. */
    static String issue(int number, String category, String status, String resolution) {
        return "{\"expand\":\"renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations\",\"id\":\""
                + (10040 + number) + "\",\"self\":\"" + JIRA.baseUrl() + "/rest/api/3/issue/" + (10040 + number)
                + "\",\"key\":\"SHOP-" + number + "\",\"fields\":{\"resolution\":" + (resolution == null ? "null"
                        : "{\"self\":\"" + JIRA.baseUrl() + "/rest/api/3/resolution/10000\",\"id\":\"10000\",\"name\":\""
                                + resolution + "\"}")
                + ",\"updated\":\"" + JIRA_TIME.format(Instant.now()) + "\",\"project\":{\"self\":\"" + JIRA.baseUrl()
                + "/rest/api/3/project/10000\",\"id\":\"10000\",\"key\":\"SHOP\",\"name\":\"Shop\"},\"status\":{\"self\":\""
                + JIRA.baseUrl() + "/rest/api/3/status/10001\",\"description\":\"\",\"name\":\"" + status + "\",\"id\":\"10001\","
                + "\"statusCategory\":{\"self\":\"" + JIRA.baseUrl() + "/rest/api/3/statuscategory/3\",\"id\":3,\"key\":\""
                + category + "\",\"colorName\":\"green\",\"name\":\"" + status + "\"}}}}";
    }

    /** The {@code jira:issue_updated} webhook of a status change (with its changelog). */
    static String updated(String issue, String from, String to) {
        return "{\"timestamp\":" + System.currentTimeMillis() + ",\"webhookEvent\":\"jira:issue_updated\","
                + "\"issue_event_type_name\":\"issue_generic\",\"user\":{\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\","
                + "\"displayName\":\"Dev One\"},\"issue\":" + issue + ",\"changelog\":{\"id\":\"10400\",\"items\":[{\"field\":"
                + "\"status\",\"fieldtype\":\"jira\",\"from\":\"3\",\"fromString\":\"" + from + "\",\"to\":\"10001\","
                + "\"toString\":\"" + to + "\"}]}}";
    }

    @Test
    void findingsFiledInJiraFollowItBothWays(Users users, Api admin) throws Exception {
        TrackerSyncIT.TwoFindings setup = TrackerSyncIT.TwoFindings.imported(users, admin, "JIR");
        String project = setup.project();
        Api owner = setup.owner();
        String release = setup.release();
        String first = setup.first();
        String second = setup.second();
        JsonNode firstFinding = owner.get("/api/v1/findings/" + first).json().get("finding");

        // connect: Jira Cloud, e-mail and API token; the secret is shown once, the token never
        Api.Reply saved = owner.put("/api/v1/projects/" + project + "/tracker", "{\"tracker\":\"jira\",\"baseUrl\":\""
                + JIRA.baseUrl() + "\",\"container\":\"SHOP\",\"language\":\"zh-CN\",\"user\":\"" + USER + "\",\"token\":\""
                + TOKEN + "\",\"options\":{\"api-version\":\"3\",\"issue-type\":\"Bug\"}}");
        assertEquals(200, saved.status(), saved.toString());
        String secret = saved.json().get("webhookSecret").asText();
        String hook = saved.json().get("webhookPath").asText();
        assertEquals("X-Hub-Signature", saved.json().get("signatureHeader").asText());
        assertEquals("basic", saved.json().get("authentication").asText());
        assertFalse(saved.body().contains(TOKEN), saved.toString());
        Api.Reply shown = owner.get("/api/v1/projects/" + project + "/tracker");
        assertEquals(200, shown.status(), shown.toString());
        assertFalse(shown.body().contains(TOKEN) || shown.body().contains(secret), "never shown again: " + shown);
        Api.Reply check = owner.post("/api/v1/projects/" + project + "/tracker/check", null);
        assertEquals(200, check.status(), check.toString());
        assertTrue(check.json().get("detail").asText().contains("Gatehouse Bot"), check.toString());
        assertTrue(check.json().get("detail").asText().contains("SHOP"), check.toString());
        List<LoggedRequest> myself = JIRA.findAll(getRequestedFor(urlPathEqualTo("/rest/api/3/myself")));
        assertEquals(BASIC, myself.get(myself.size() - 1).getHeader("Authorization"));

        // file the first finding: POST /rest/api/3/issue, Basic auth, an ADF description in Chinese, labelled
        JIRA.stubFor(post(urlPathEqualTo("/rest/api/3/issue")).withHeader("Authorization", equalTo(BASIC))
                .willReturn(json(201, created(1))));
        Api.Reply filed = owner.post("/api/v1/projects/" + project + "/tracker/issues", "{\"findingIds\":[\"" + first + "\"]}");
        assertEquals(201, filed.status(), filed.toString());
        assertEquals("SHOP-1", filed.json().get("created").get(0).get("issueKey").asText());
        assertEquals(JIRA.baseUrl() + "/browse/SHOP-1", filed.json().get("created").get(0).get("issueUrl").asText());
        List<LoggedRequest> creates = JIRA.findAll(postRequestedFor(urlPathEqualTo("/rest/api/3/issue"))).stream()
                .filter(r -> r.getBodyAsString().contains(first)).toList();
        assertEquals(1, creates.size(), "one issue for the finding");
        LoggedRequest create = creates.get(0);
        assertEquals(BASIC, create.getHeader("Authorization"));
        assertTrue(create.getHeader("Content-Type").startsWith("application/json"), create.getHeader("Content-Type"));
        JsonNode fields = new ObjectMapper().readTree(create.getBodyAsString()).get("fields");
        assertEquals("SHOP", fields.at("/project/key").asText());
        assertEquals("Bug", fields.at("/issuetype/name").asText());
        String severity = firstFinding.get("severity").asText();
        String title = firstFinding.get("title").asText();
        assertEquals("[Gatehouse] " + severity + ": " + title, fields.get("summary").asText());
        assertEquals(List.of("gatehouse", "security"), texts(fields.get("labels")));
        JsonNode description = fields.get("description");
        assertEquals("doc", description.get("type").asText(), description.toString());
        assertEquals(1, description.get("version").asInt());
        List<String> adf = adfTexts(description);
        assertTrue(adf.contains(title), "the finding's title as a text node: " + adf);
        int label = adf.indexOf("严重程度: ");
        assertTrue(label >= 0 && adf.get(label + 1).equals(severity), "the severity, labelled in Chinese: " + adf);
        assertTrue(adf.stream().anyMatch(t -> t.contains("修复后请关闭此问题")), adf.toString());
        assertTrue(description.toString().contains("\"marks\":[{\"type\":\"strong\"}]"), description.toString());
        assertTrue(description.toString().matches(".*\\{\"type\":\"link\",\"attrs\":\\{\"href\":\"http[^\"]+/#/findings\"}}.*"),
                "a link back to Gatehouse: " + description);
        JsonNode links = owner.get("/api/v1/projects/" + project + "/tracker/issues").json();
        assertEquals(1, links.size(), links.toString());
        assertEquals("SHOP-1", links.get(0).get("issueKey").asText());
        assertEquals(first, links.get(0).get("findingId").asText());
        assertEquals("OPEN", links.get(0).get("externalState").asText());
        assertEquals(409, owner.post("/api/v1/projects/" + project + "/tracker/issues", "{\"findingIds\":[\"" + first
                + "\"]}").status(), "a finding is filed once");

        // Jira's signed webhook: the issue moved to a status of the "done" category → fixed, unverified (B.1.3.1-ih)
        String done = updated(issue(1, "done", "Done", "Done"), "In Progress", "Done");
        assertEquals(401, webhook(admin, hook, done, "X-Hub-Signature", "sha256=" + "0".repeat(64)).statusCode(),
                "a forged signature");
        assertEquals(401, webhook(admin, hook, done, "X-Hub-Signature", sign("not-the-secret", done)).statusCode(),
                "signed with another secret");
        assertEquals(401, webhook(admin, hook, done, "X-Hub-Signature-256", sign(secret, done)).statusCode(),
                "Jira signs in X-Hub-Signature, not GitHub's header");
        assertEquals(401, webhook(admin, "/api/v1/tracker-webhooks/" + UUID.randomUUID(), done, "X-Hub-Signature",
                sign(secret, done)).statusCode(), "another connection's address");
        assertEquals("NEW", state(owner, first), "nothing changed by refused deliveries");
        JIRA.stubFor(get(urlPathEqualTo("/rest/api/3/issue/SHOP-1")).withHeader("Authorization", equalTo(BASIC))
                .willReturn(json(200, issue(1, "done", "Done", "Done"))));
        HttpResponse<String> delivered = webhook(admin, hook, done, "X-Hub-Signature", sign(secret, done));
        assertEquals(200, delivered.statusCode(), delivered.body());
        assertTrue(delivered.body().contains("\"findingsChanged\":1"), delivered.body());
        assertEquals("FIXED_UNVERIFIED", state(owner, first));
        JsonNode history = owner.get("/api/v1/findings/" + first).json().get("history");
        assertEquals("system:issue-tracker:jira:SHOP#SHOP-1", history.get(history.size() - 1).get("actor").asText());
        // the tracker's reason is Gatehouse's: a key with the issue and the tracker (V34), the English text beside it
        assertEquals("tracker-issue-done[SHOP-1, jira]", reason(history.get(history.size() - 1)));
        assertEquals("issue SHOP-1 resolved in jira (webhook)", history.get(history.size() - 1).get("reason").asText());
        HttpResponse<String> again = webhook(admin, hook, done, "X-Hub-Signature", sign(secret, done));
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(again.body().contains("\"findingsChanged\":0"), "a redelivery changes nothing: " + again.body());
        assertEquals(history.size(), owner.get("/api/v1/findings/" + first).json().get("history").size());

        // moved back out of "done" → reopened
        String back = updated(issue(1, "indeterminate", "In Progress", null), "Done", "In Progress");
        JIRA.stubFor(get(urlPathEqualTo("/rest/api/3/issue/SHOP-1")).withHeader("Authorization", equalTo(BASIC))
                .willReturn(json(200, issue(1, "indeterminate", "In Progress", null))));
        HttpResponse<String> reopened = webhook(admin, hook, back, "X-Hub-Signature", sign(secret, back));
        assertEquals(200, reopened.statusCode(), reopened.body());
        assertEquals("REOPENED", state(owner, first));
        history = owner.get("/api/v1/findings/" + first).json().get("history");
        assertEquals("tracker-issue-reopened[SHOP-1, jira]", reason(history.get(history.size() - 1)));
        // Jira retries a delivery it saw fail, possibly after later ones: the late "done" is not believed
        HttpResponse<String> late = webhook(admin, hook, done, "X-Hub-Signature", sign(secret, done));
        assertEquals(200, late.statusCode(), late.body());
        assertTrue(late.body().contains("\"findingsChanged\":0"), "a late retry changes nothing: " + late.body());
        assertEquals("REOPENED", state(owner, first));
        // Jira cannot be asked: nothing changes, and the 502 makes Jira retry (the reconcile catches up anyway)
        var unavailable = JIRA.stubFor(get(urlPathEqualTo("/rest/api/3/issue/SHOP-1")).atPriority(1).willReturn(json(503,
                "{\"errorMessages\":[\"Service unavailable\"],\"errors\":{}}")));
        HttpResponse<String> unread = webhook(admin, hook, done, "X-Hub-Signature", sign(secret, done));
        assertEquals(502, unread.statusCode(), unread.body());
        assertTrue(unread.body().contains("urn:gatehouse:problem:tracker-failed"), unread.body());
        assertEquals("REOPENED", state(owner, first));
        JIRA.removeStub(unavailable);

        // a change made in Gatehouse becomes a comment (ADF) on the Jira issue; the tracker's own are not echoed
        Api.Reply confirmed = owner.post("/api/v1/findings/" + first + "/triage", "{\"action\":\"confirm\"}", "If-Match", "*");
        assertEquals(200, confirmed.status(), confirmed.toString());
        List<LoggedRequest> comments = awaitComments("SHOP-1", "已确认");
        for (LoggedRequest comment : comments) {
            assertEquals(BASIC, comment.getHeader("Authorization"));
            JsonNode body = new ObjectMapper().readTree(comment.getBodyAsString()).get("body");
            assertEquals("doc", body.get("type").asText(), comment.getBodyAsString());
        }
        List<String> bodies = comments.stream().map(LoggedRequest::getBodyAsString).toList();
        assertTrue(bodies.stream().noneMatch(c -> c.contains("FIXED_UNVERIFIED") || c.contains("已修复")),
                "the tracker's own changes bounce back: " + bodies);
        // Jira reports our own comment: as comment_created and as an issue_updated "issue_commented" without a state change
        String commentEvent = "{\"timestamp\":" + System.currentTimeMillis() + ",\"webhookEvent\":\"comment_created\","
                + "\"comment\":{\"id\":\"10100\",\"body\":\"Gatehouse\"},\"issue\":{\"id\":\"10041\",\"key\":\"SHOP-1\","
                + "\"fields\":{\"summary\":\"x\"}}}";
        HttpResponse<String> ownComment = webhook(admin, hook, commentEvent, "X-Hub-Signature", sign(secret, commentEvent));
        assertEquals(200, ownComment.statusCode(), ownComment.body());
        assertTrue(ownComment.body().contains("\"findingsChanged\":0"), ownComment.body());
        String commented = updated(issue(1, "indeterminate", "In Progress", null), "In Progress", "In Progress")
                .replace("issue_generic", "issue_commented");
        HttpResponse<String> commentUpdate = webhook(admin, hook, commented, "X-Hub-Signature", sign(secret, commented));
        assertTrue(commentUpdate.body().contains("\"findingsChanged\":0"), commentUpdate.body());
        assertEquals("CONFIRMED", state(owner, first));
        Thread.sleep(2_500); // two sync rounds: nothing more is commented
        assertEquals(comments.size(), JIRA.findAll(postRequestedFor(urlPathEqualTo("/rest/api/3/issue/SHOP-1/comment"))).size(),
                "the webhooks of our own comment bounce back");

        // closed as "Won't Do" (a done status, an unresolved resolution): no fix claim, and no dismissal either
        String wontDo = updated(issue(1, "done", "Closed", "Won't Do"), "In Progress", "Closed");
        HttpResponse<String> declined = webhook(admin, hook, wontDo, "X-Hub-Signature", sign(secret, wontDo));
        assertTrue(declined.body().contains("\"findingsChanged\":0"), declined.body());
        assertEquals("CONFIRMED", state(owner, first));
        assertEquals("CLOSED_UNRESOLVED", owner.get("/api/v1/projects/" + project + "/tracker/issues").json().get(0)
                .get("externalState").asText());

        // the reconcile: the second finding's issue is closed in Jira and no webhook arrives
        JIRA.stubFor(post(urlPathEqualTo("/rest/api/3/issue")).withHeader("Authorization", equalTo(BASIC))
                .willReturn(json(201, created(2))));
        assertEquals(201, owner.post("/api/v1/projects/" + project + "/tracker/issues", "{\"findingIds\":[\"" + second
                + "\"]}").status());
        JIRA.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).withHeader("Authorization", equalTo(BASIC))
                .willReturn(json(200, "{\"issues\":[" + issue(2, "done", "Done", "Done") + ","
                        + issue(1, "indeterminate", "In Progress", null) + "],\"isLast\":true}")));
        Api.Reply reconciled = owner.post("/api/v1/projects/" + project + "/tracker/reconcile", null);
        assertEquals(200, reconciled.status(), reconciled.toString());
        assertEquals(1, reconciled.json().get("findingsChanged").asInt(), reconciled.toString());
        assertEquals("FIXED_UNVERIFIED", state(owner, second));
        assertEquals("CONFIRMED", state(owner, first), "an issue still open leaves its finding as it is");
        LoggedRequest search = JIRA.findAll(getRequestedFor(urlPathEqualTo("/rest/api/3/search/jql"))
                .withHeader("Authorization", equalTo(BASIC))).get(0);
        String jql = search.queryParameter("jql").firstValue();
        assertTrue(jql.startsWith("project = \"SHOP\" AND labels = \"gatehouse\" AND updated >= \""), jql);
        assertTrue(jql.endsWith("ORDER BY updated ASC"), jql);
        assertTrue(search.queryParameter("fields").firstValue().contains("status"), search.getUrl());
        assertEquals(0, owner.post("/api/v1/projects/" + project + "/tracker/reconcile", null).json()
                .get("findingsChanged").asInt(), "a second reconcile changes nothing");
        history = owner.get("/api/v1/findings/" + second).json().get("history");
        assertEquals("system:issue-tracker:jira:SHOP#SHOP-2", history.get(history.size() - 1).get("actor").asText());
        assertEquals("tracker-issue-done[SHOP-2, jira]", reason(history.get(history.size() - 1)));
        assertEquals("issue SHOP-2 resolved in jira (reconcile)", history.get(history.size() - 1).get("reason").asText());

        links = owner.get("/api/v1/projects/" + project + "/tracker/issues").json();
        assertEquals(2, links.size(), links.toString());
        // neither the token nor the Basic credential appears in a log of the server
        try (Stream<Path> logs = Files.list(GatehouseServer.itDirectory())) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("payara-")).toList()) {
                if (Files.isRegularFile(log)) {
                    String text = Files.readString(log);
                    assertFalse(text.contains(TOKEN) || text.contains(BASIC.substring(6)), "credential in " + log);
                }
            }
        }
    }

    @Test
    void aRefusedCredentialIsAProblemAndNothingIsLinked(Users users, Api admin) {
        String project = Fixtures.createProject(admin, "JIF");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json()
                .get("id").asText();
        owner.upload(release, "scan.sarif", FindingsIT.sarif("", 0, FindingsIT.A), "scanner", "sarif");
        String finding = owner.get("/api/v1/findings?project=" + project).json().get("items").get(0).get("id").asText();
        assertEquals(200, owner.put("/api/v1/projects/" + project + "/tracker", "{\"tracker\":\"jira\",\"baseUrl\":\""
                + JIRA.baseUrl() + "\",\"container\":\"SHOP\",\"user\":\"" + USER + "\",\"token\":\"revoked-token\"}").status());
        Api.Reply check = owner.post("/api/v1/projects/" + project + "/tracker/check", null);
        assertEquals(502, check.status(), check.toString());
        assertEquals("urn:gatehouse:problem:tracker-failed", check.json().get("type").asText());
        assertTrue(check.json().get("detail").asText().contains("UNAUTHORIZED"), check.toString());
        Api.Reply refused = owner.post("/api/v1/projects/" + project + "/tracker/issues", "{\"findingIds\":[\"" + finding
                + "\"]}");
        assertEquals(502, refused.status(), refused.toString());
        assertTrue(refused.json().get("detail").asText().contains("UNAUTHORIZED"), refused.toString());
        assertFalse(refused.body().contains("revoked-token"));
        assertEquals(0, owner.get("/api/v1/projects/" + project + "/tracker/issues").json().size());
        assertTrue(owner.get("/api/v1/projects/" + project + "/tracker").json().get("lastError").asText()
                .contains("UNAUTHORIZED"));

        // an issue type the project does not have: Jira's 400 with its field errors, told as they are
        JIRA.stubFor(post(urlPathEqualTo("/rest/api/3/issue")).atPriority(1).withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(matchingJsonPath("$.fields.issuetype.name", equalTo("Vulnerability")))
                .willReturn(json(400, "{\"errorMessages\":[],\"errors\":{\"issuetype\":\"Specify a valid issue type\"}}")));
        assertEquals(200, owner.put("/api/v1/projects/" + project + "/tracker", "{\"tracker\":\"jira\",\"baseUrl\":\""
                + JIRA.baseUrl() + "\",\"container\":\"SHOP\",\"user\":\"" + USER + "\",\"token\":\"" + TOKEN
                + "\",\"options\":{\"issue-type\":\"Vulnerability\"}}").status());
        assertEquals(200, owner.post("/api/v1/projects/" + project + "/tracker/check", null).status());
        Api.Reply invalid = owner.post("/api/v1/projects/" + project + "/tracker/issues", "{\"findingIds\":[\"" + finding
                + "\"]}");
        assertEquals(502, invalid.status(), invalid.toString());
        assertTrue(invalid.json().get("detail").asText().contains("REJECTED"), invalid.toString());
        assertTrue(invalid.json().get("detail").asText().contains("issuetype: Specify a valid issue type"), invalid.toString());
        assertEquals(0, owner.get("/api/v1/projects/" + project + "/tracker/issues").json().size());
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The text nodes of an ADF document, in order. */
    private static List<String> adfTexts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if ("text".equals(node.path("type").asText())) {
            texts.add(node.get("text").asText());
        }
        node.path("content").forEach(child -> texts.addAll(adfTexts(child)));
        return texts;
    }

    private static String state(Api api, String finding) {
        return api.get("/api/v1/findings/" + finding).json().get("finding").get("state").asText();
    }

    /** As Jira signs an admin webhook with a secret: sha256= and the hex HMAC-SHA256 of the raw body. */
    private static String sign(String secret, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(WebhookSignature.sign(WebhookSignature.key(secret), body.getBytes(StandardCharsets.UTF_8)), signature);
        return signature;
    }

    /** A delivery with the headers Jira Cloud sends. */
    private static HttpResponse<String> webhook(Api admin, String path, String body, String header, String signature)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(admin.base().resolve(path))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Atlassian-Webhook-Identifier", UUID.randomUUID().toString())
                .header("X-Atlassian-Webhook-Flow", "Primary").header(header, signature)
                .header("X-Forwarded-For", "192.0.2.78").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<LoggedRequest> awaitComments(String issue, String containing) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            List<LoggedRequest> comments = JIRA.findAll(postRequestedFor(urlPathEqualTo("/rest/api/3/issue/" + issue
                    + "/comment")));
            if (comments.stream().anyMatch(c -> c.getBodyAsString().contains(containing))) {
                return comments;
            }
            assertTrue(System.nanoTime() < deadline, "no comment with " + containing + " on " + issue + ": "
                    + comments.stream().map(LoggedRequest::getBodyAsString).toList());
            Thread.sleep(200);
        }
    }

    /** A history entry's reasonKey and reasonArgs, as "key[arg, arg]". */
    private static String reason(JsonNode event) {
        List<String> args = new ArrayList<>();
        event.path("reasonArgs").forEach(a -> args.add(a.asText()));
        return event.path("reasonKey").asText("-") + args;
    }
}
