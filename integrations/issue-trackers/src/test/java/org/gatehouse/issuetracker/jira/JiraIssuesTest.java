package org.gatehouse.issuetracker.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.gatehouse.issuetracker.api.ExternalState;
import org.gatehouse.issuetracker.api.InvalidTarget;
import org.gatehouse.issuetracker.api.IssueText;
import org.gatehouse.issuetracker.api.IssueTracker;
import org.gatehouse.issuetracker.api.TrackerAdapterContractTest;
import org.gatehouse.issuetracker.api.TrackerCallFailed;
import org.gatehouse.issuetracker.api.TrackerCredential;
import org.gatehouse.issuetracker.api.TrackerTarget;
import org.junit.jupiter.api.Test;

/** Jira REST v3 (Cloud) through the contract; v2 (wiki markup, startAt search, a PAT) below. */
class JiraIssuesTest extends TrackerAdapterContractTest {
    @Override
    protected IssueTracker tracker() {
        return new JiraIssues();
    }

    @Override
    protected TrackerTarget target(String baseUrl) {
        return new TrackerTarget(URI.create(baseUrl), "SHOP", new TrackerCredential.Basic("gatehouse@acme.example", SECRET),
                Map.of("api-version", "3"));
    }

    private TrackerTarget v2() {
        return new TrackerTarget(URI.create(server.baseUrl()), "SHOP", new TrackerCredential.Bearer(SECRET),
                Map.of("api-version", "2", "issue-type", "Task"));
    }

    @Override
    protected String issueKey() {
        return "SHOP-42";
    }

    @Override
    protected String createPath() {
        return "/rest/api/3/issue";
    }

    @Override
    protected String readPath() {
        return "/rest/api/3/issue/SHOP-42";
    }

    @Override
    protected String commentPath() {
        return "/rest/api/3/issue/SHOP-42/comment";
    }

    @Override
    protected String changedPath() {
        return "/rest/api/3/search/jql";
    }

    @Override
    protected void stubCheck() {
        server.stubFor(get(urlPathEqualTo("/rest/api/3/myself")).willReturn(json(200, fixture("myself.json"))));
        server.stubFor(get(urlPathEqualTo("/rest/api/3/project/SHOP")).willReturn(json(200, fixture("project.json"))));
    }

    @Override
    protected Map<String, String> webhookHeaders() {
        return Map.of("X-Atlassian-Webhook-Identifier", "1234", "X-Atlassian-Webhook-Flow", "Primary");
    }

    @Test
    void v3SendsTheAtlassianDocumentFormatWithBasicAuth() throws Exception {
        server.stubFor(post(urlPathEqualTo(createPath())).willReturn(json(201, fixture("create.json"))));
        assertEquals(URI.create(server.baseUrl() + "/browse/SHOP-42"), tracker().create(http, target(), draft()).url());
        var sent = server.findAll(postRequestedFor(urlPathEqualTo(createPath()))).get(0);
        assertEquals("Basic " + Base64.getEncoder().encodeToString(("gatehouse@acme.example:" + SECRET)
                .getBytes(StandardCharsets.UTF_8)), sent.getHeader("Authorization"));
        JsonNode fields = new ObjectMapper().readTree(sent.getBodyAsString()).get("fields");
        assertEquals("SHOP", fields.at("/project/key").asText());
        assertEquals("Bug", fields.at("/issuetype/name").asText());
        assertEquals("doc", fields.at("/description/type").asText());
        assertEquals(1, fields.at("/description/version").asInt());
        assertEquals("https://gatehouse.example/#/findings/1",
                fields.at("/description/content/1/content/0/marks/0/attrs/href").asText());
    }

    @Test
    void v2SendsWikiMarkupWithABearerTokenAndSearchesWithStartAt() throws Exception {
        server.stubFor(post(urlPathEqualTo("/rest/api/2/issue")).willReturn(json(201, fixture("create.json"))));
        server.stubFor(post(urlPathEqualTo("/rest/api/2/issue/SHOP-42/comment")).willReturn(json(201, "{\"id\":\"1\"}")));
        server.stubFor(get(urlPathEqualTo("/rest/api/2/search")).willReturn(json(200, fixture("changed-v2.json"))));
        tracker().create(http, v2(), draft());
        var sent = server.findAll(postRequestedFor(urlPathEqualTo("/rest/api/2/issue"))).get(0);
        assertEquals("Bearer " + SECRET, sent.getHeader("Authorization"));
        JsonNode fields = new ObjectMapper().readTree(sent.getBodyAsString()).get("fields");
        assertTrue(fields.get("description").isTextual());
        assertTrue(fields.get("description").asText().contains("[Open in Gatehouse|https://gatehouse.example/#/findings/1]"));
        assertEquals("Task", fields.at("/issuetype/name").asText());
        tracker().comment(http, v2(), "SHOP-42", new IssueText(List.of(new IssueText.Paragraph("*not bold* {code}"))));
        assertTrue(server.findAll(postRequestedFor(urlPathEqualTo("/rest/api/2/issue/SHOP-42/comment"))).get(0)
                .getBodyAsString().contains("\\\\*not bold\\\\* \\\\{code\\\\}"));
        var changed = tracker().changedSince(http, v2(), Instant.parse("2026-01-05T12:00:00Z"), 100);
        assertEquals(2, changed.issues().size());
        String jql = server.findAll(getRequestedFor(urlPathEqualTo("/rest/api/2/search"))).get(0).queryParameter("jql")
                .firstValue();
        assertTrue(jql.contains("project = \"SHOP\" AND labels = \"gatehouse\" AND updated >= \"2026/01/04 22:00\""), jql);
    }

    @Test
    void v3PagesWithTheNextPageToken() throws TrackerCallFailed {
        String first = fixture("changed.json").replace("\"isLast\":true", "\"isLast\":false,\"nextPageToken\":\"CAEaAggD\"");
        server.stubFor(get(urlPathEqualTo(changedPath())).withQueryParam("nextPageToken",
                com.github.tomakehurst.wiremock.client.WireMock.absent()).willReturn(json(200, first)));
        server.stubFor(get(urlPathEqualTo(changedPath())).withQueryParam("nextPageToken",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("CAEaAggD")).willReturn(json(200, fixture("changed.json"))));
        var changed = tracker().changedSince(http, target(), Instant.parse("2026-01-05T00:00:00Z"), 500);
        assertEquals(4, changed.issues().size());
        assertEquals(ExternalState.OPEN, changed.issues().get(3).state());
    }

    @Test
    void wikiValuesAreEscaped() {
        String wiki = JiraText.wiki(new IssueText(List.of(new IssueText.Field("Location", "[evil|http://x] {html} !img.png!"))));
        assertFalse(wiki.contains("[evil|"));
        assertTrue(wiki.contains("\\[evil\\|http://x\\] \\{html\\} \\!img.png\\!"), wiki);
    }

    @Test
    void refusesBadTargets() {
        for (var target : List.of(new TrackerTarget(URI.create("https://x"), "shop", new TrackerCredential.Bearer("t"), Map.of()),
                new TrackerTarget(URI.create("https://x"), "SHOP", new TrackerCredential.Bearer("t"), Map.of("api-version", "4")),
                new TrackerTarget(URI.create("https://x"), "SHOP", new TrackerCredential.Bearer("t"), Map.of("other", "1")))) {
            assertThrows(InvalidTarget.class, () -> tracker().validate(target), target.toString());
        }
    }

    @Test
    void aProjectKeyOrIssueIsNotFoundWithJirasOwnMessage() {
        server.stubFor(get(urlPathEqualTo(readPath())).willReturn(json(404, fixture("error-404.json"))));
        assertEquals(TrackerCallFailed.Problem.NOT_FOUND, assertThrows(TrackerCallFailed.class,
                () -> tracker().read(http, target(), "SHOP-42")).problem());
    }
}
