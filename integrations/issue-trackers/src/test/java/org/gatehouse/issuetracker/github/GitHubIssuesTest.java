package org.gatehouse.issuetracker.github;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.gatehouse.issuetracker.api.InvalidTarget;
import org.gatehouse.issuetracker.api.IssueText;
import org.gatehouse.issuetracker.api.IssueTracker;
import org.gatehouse.issuetracker.api.TrackerAdapterContractTest;
import org.gatehouse.issuetracker.api.TrackerCallFailed;
import org.gatehouse.issuetracker.api.TrackerCredential;
import org.gatehouse.issuetracker.api.TrackerTarget;
import org.junit.jupiter.api.Test;

class GitHubIssuesTest extends TrackerAdapterContractTest {
    @Override
    protected IssueTracker tracker() {
        return new GitHubIssues();
    }

    @Override
    protected TrackerTarget target(String baseUrl) {
        return new TrackerTarget(URI.create(baseUrl), "acme/shop", new TrackerCredential.Bearer(SECRET), Map.of());
    }

    @Override
    protected String issueKey() {
        return "42";
    }

    @Override
    protected String createPath() {
        return "/repos/acme/shop/issues";
    }

    @Override
    protected String readPath() {
        return "/repos/acme/shop/issues/42";
    }

    @Override
    protected String commentPath() {
        return "/repos/acme/shop/issues/42/comments";
    }

    @Override
    protected String changedPath() {
        return "/repos/acme/shop/issues";
    }

    @Override
    protected void stubCheck() {
        server.stubFor(get(urlPathEqualTo("/repos/acme/shop")).willReturn(json(200, fixture("repo.json"))));
    }

    @Override
    protected Map<String, String> webhookHeaders() {
        return Map.of("X-GitHub-Event", "issues", "X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958");
    }

    @Test
    void sendsTheTokenAsBearerAndTheApiVersion() throws TrackerCallFailed {
        server.stubFor(post(urlPathEqualTo(createPath())).willReturn(json(201, fixture("create.json"))));
        tracker().create(http, target(), draft());
        var sent = server.findAll(postRequestedFor(urlPathEqualTo(createPath()))).get(0);
        assertEquals("Bearer " + SECRET, sent.getHeader("Authorization"));
        assertEquals("2022-11-28", sent.getHeader("X-GitHub-Api-Version"));
        assertEquals("application/vnd.github+json", sent.getHeader("Accept"));
    }

    @Test
    void findingTextNeverBecomesMarkupMentionsOrLinks() {
        String rendered = Markdown.markdown(new IssueText(List.of(new IssueText.Field("Location",
                "<img src=x onerror=alert(1)> @octocat [x](javascript:alert(1)) https://evil.example **bold**"))));
        assertFalse(rendered.contains("<img"));
        assertFalse(rendered.contains("@octocat"));
        assertFalse(rendered.contains("](javascript"));
        assertFalse(rendered.contains("https://evil"));
        assertTrue(rendered.contains("\\*\\*bold\\*\\*"));
    }

    @Test
    void refusesRepositoriesThatAreNotOwnerSlashName() {
        for (String repo : new String[] {"acme", "acme/shop/issues", "../x", "acme/..", "acme/shop?x"}) {
            assertThrows(InvalidTarget.class, () -> tracker().validate(new TrackerTarget(URI.create("https://api.github.com"),
                    repo, new TrackerCredential.Bearer("t"), Map.of())), repo);
        }
        assertThrows(InvalidTarget.class, () -> tracker().validate(new TrackerTarget(URI.create("https://api.github.com"),
                "acme/shop", new TrackerCredential.Basic("u", "p"), Map.of())));
    }

    @Test
    void aRateLimitAnsweredAs403IsARateLimit() {
        server.stubFor(get(urlPathEqualTo(readPath())).willReturn(json(403, "{\"message\":\"API rate limit exceeded\"}")
                .withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-reset",
                        Long.toString(java.time.Instant.now().getEpochSecond() + 30))));
        TrackerCallFailed failed = assertThrows(TrackerCallFailed.class, () -> tracker().read(http, target(), "42"));
        assertEquals(TrackerCallFailed.Problem.RATE_LIMITED, failed.problem());
        assertTrue(failed.retryAfter().orElseThrow().toSeconds() > 20);
    }
}
