package org.gatehouse.issuetracker.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.gatehouse.egress.EgressPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one contract every issue-tracker adapter meets (issue 7, ADR 0016), against a real HTTP
 * server (WireMock) answering with the tracker's documented shapes ({@code src/test/resources/fixtures/<id>/}):
 * registration, create / comment / read / changed-since / webhook parsing, and every failure a
 * tracker can produce — 401, 404, 429 with Retry-After, 5xx, timeouts, redirects, huge, slow,
 * malformed and deeply nested bodies, refused addresses — each classified, none leaking the credential.
 */
public abstract class TrackerAdapterContractTest {
    protected static final String SECRET = "s3cr3t-T0KEN-never-logged";
    protected final WireMockServer server = new WireMockServer(options().dynamicPort());
    protected TrackerHttp http;

    protected abstract IssueTracker tracker();

    /** The adapter's target on the given base URL, with {@link #SECRET} in its credential. */
    protected abstract TrackerTarget target(String baseUrl);

    /** The key of the issue the fixtures describe ({@code 42}, {@code SHOP-42}). */
    protected abstract String issueKey();

    /** URL paths of the calls, as the tracker documents them. */
    protected abstract String createPath();

    protected abstract String readPath();

    protected abstract String commentPath();

    protected abstract String changedPath();

    /** Stubs the calls {@link IssueTracker#check} makes. */
    protected abstract void stubCheck();

    /** Headers of a webhook delivery of this tracker's issue event. */
    protected abstract Map<String, String> webhookHeaders();

    @BeforeEach
    void startServer() {
        server.start();
        http = new TrackerHttp(new TrackerHttp.Settings(Duration.ofMillis(2000), Duration.ofMillis(3000), 64 * 1024,
                EgressPolicy.allowing("127.0.0.0/8,::1")));
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    protected String fixture(String name) {
        String path = "/fixtures/" + tracker().descriptor().id() + "/" + name;
        try (InputStream in = getClass().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    protected TrackerTarget target() {
        return target(server.baseUrl());
    }

    protected IssueDraft draft() {
        return new IssueDraft("SQL injection in OrderDao", new IssueText(List.of(new IssueText.Field("Severity", "HIGH"),
                new IssueText.Link("Open in Gatehouse", URI.create("https://gatehouse.example/#/findings/1")))),
                List.of("gatehouse"));
    }

    @Test
    void isRegisteredForTheServiceLoaderUnderAKebabCaseId() {
        String id = tracker().descriptor().id();
        assertTrue(id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"), id);
        assertTrue(ServiceLoader.load(IssueTracker.class).stream().anyMatch(p -> p.get().descriptor().id().equals(id)),
                "META-INF/services must register " + tracker().getClass().getName());
    }

    @Test
    void acceptsItsOwnTarget() throws InvalidTarget {
        tracker().validate(target());
    }

    @Test
    void checksTheConnection() throws TrackerCallFailed {
        stubCheck();
        String who = tracker().check(http, target());
        assertFalse(who.isBlank());
        assertFalse(who.contains(SECRET));
    }

    @Test
    void createsAnIssueAsOpenWithAWebLink() throws TrackerCallFailed {
        server.stubFor(post(urlPathEqualTo(createPath())).willReturn(json(201, fixture("create.json"))));
        ExternalIssue issue = tracker().create(http, target(), draft());
        assertEquals(issueKey(), issue.key());
        assertEquals(ExternalState.OPEN, issue.state());
        assertTrue(issue.url().getScheme().startsWith("http"));
        var sent = server.findAll(postRequestedFor(urlPathEqualTo(createPath()))).get(0);
        assertTrue(sent.getBodyAsString().contains("SQL injection in OrderDao"));
        assertTrue(sent.getBodyAsString().contains("gatehouse"), "the gatehouse label");
        assertTrue(sent.getHeader("Authorization").contains(SECRET) || sent.getHeader("Authorization").startsWith("Basic "));
    }

    @Test
    void readsOpenResolvedAndUnresolvedStates() throws TrackerCallFailed {
        for (var expected : Map.of("open.json", ExternalState.OPEN, "resolved.json", ExternalState.RESOLVED,
                "unresolved.json", ExternalState.CLOSED_UNRESOLVED).entrySet()) {
            server.stubFor(get(urlPathEqualTo(readPath())).willReturn(json(200, fixture(expected.getKey()))));
            ExternalIssue issue = tracker().read(http, target(), issueKey());
            assertEquals(expected.getValue(), issue.state(), expected.getKey());
            assertEquals(issueKey(), issue.key());
            assertTrue(issue.updatedAt().isPresent(), expected.getKey());
        }
    }

    @Test
    void comments() throws TrackerCallFailed {
        server.stubFor(post(urlPathEqualTo(commentPath())).willReturn(json(201, fixture("comment.json"))));
        tracker().comment(http, target(), issueKey(), new IssueText(List.of(new IssueText.Paragraph("Now FIXED_UNVERIFIED"))));
        assertTrue(server.findAll(postRequestedFor(urlPathEqualTo(commentPath()))).get(0).getBodyAsString()
                .contains("FIXED"));
    }

    @Test
    void listsIssuesChangedSince() throws TrackerCallFailed {
        server.stubFor(get(urlPathEqualTo(changedPath())).willReturn(json(200, fixture("changed.json"))));
        ChangedIssues changed = tracker().changedSince(http, target(), Instant.parse("2026-01-05T00:00:00Z"), 100);
        assertEquals(2, changed.issues().size());
        assertEquals(ExternalState.RESOLVED, changed.issues().get(0).state());
        assertFalse(changed.truncated());
        ChangedIssues one = tracker().changedSince(http, target(), Instant.parse("2026-01-05T00:00:00Z"), 1);
        assertEquals(1, one.issues().size());
        assertTrue(one.truncated());
    }

    @Test
    void refusesKeysThatAreNotIssueKeysBeforeCalling() {
        for (String key : new String[] {"../../admin", "1/comments", "", "42?x=1", "A B"}) {
            assertEquals(TrackerCallFailed.Problem.REJECTED,
                    assertThrows(TrackerCallFailed.class, () -> tracker().read(http, target(), key)).problem(), key);
        }
        assertTrue(server.getAllServeEvents().isEmpty());
    }

    @Test
    void readsItsWebhookAndIgnoresOtherContainersAndEvents() throws TrackerCallFailed {
        Optional<ExternalIssue> issue = tracker().webhookIssue(target(), delivery(fixture("webhook-resolved.json")));
        assertEquals(ExternalState.RESOLVED, issue.orElseThrow().state());
        assertEquals(issueKey(), issue.get().key());
        assertTrue(tracker().webhookIssue(target(), delivery(fixture("webhook-other.json"))).isEmpty());
        assertEquals(TrackerCallFailed.Problem.BAD_RESPONSE, assertThrows(TrackerCallFailed.class,
                () -> tracker().webhookIssue(target(), delivery("{\"issue\": [1, 2"))).problem());
    }

    private WebhookDelivery delivery(String body) {
        return new WebhookDelivery(webhookHeaders(), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unauthorisedIsClassifiedWithoutTheCredential() {
        failsWith(json(401, "{\"message\":\"Bad credentials\"}"), TrackerCallFailed.Problem.UNAUTHORIZED);
    }

    @Test
    void notFoundIsClassified() {
        failsWith(json(404, "{\"message\":\"Not Found\"}"), TrackerCallFailed.Problem.NOT_FOUND);
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        TrackerCallFailed failed = failsWith(json(429, "{}").withHeader("Retry-After", "7"),
                TrackerCallFailed.Problem.RATE_LIMITED);
        assertEquals(Optional.of(Duration.ofSeconds(7)), failed.retryAfter());
        assertTrue(failed.transientFailure());
    }

    @Test
    void serverErrorsAreTransient() {
        assertTrue(failsWith(aResponse().withStatus(503).withBody("<html>down</html>"),
                TrackerCallFailed.Problem.UNAVAILABLE).transientFailure());
    }

    @Test
    void slowAnswersTimeOut() {
        assertTimeoutPreemptively(Duration.ofSeconds(12), () -> failsWith(json(200, fixture("open.json"))
                .withFixedDelay(6000), TrackerCallFailed.Problem.TIMEOUT));
    }

    @Test
    void aBodyTrickledSlowlyTimesOut() {
        assertTimeoutPreemptively(Duration.ofSeconds(12), () -> failsWith(json(200, fixture("open.json"))
                .withChunkedDribbleDelay(20, 9000), TrackerCallFailed.Problem.TIMEOUT));
    }

    @Test
    void hugeBodiesAreCutOff() {
        failsWith(json(200, "{\"x\":\"" + "A".repeat(200 * 1024) + "\"}"), TrackerCallFailed.Problem.BAD_RESPONSE);
    }

    @Test
    void hostileBodiesAreRefused() {
        for (String body : new String[] {"not json", "[1,2,3]", "{\"key\": {\"$ne\": 1}}", "[".repeat(5000), "null",
            "{\"number\":\"42\",\"state\":\"open\",\"key\":42}"}) {
            failsWith(json(200, body), TrackerCallFailed.Problem.BAD_RESPONSE);
        }
    }

    @Test
    void aDroppedConnectionIsUnreachable() {
        failsWith(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), TrackerCallFailed.Problem.UNREACHABLE);
    }

    @Test
    void redirectsAreNeverFollowed() {
        // followed, the redirect would end in a refused connection (UNREACHABLE) instead
        TrackerCallFailed failed = failsWith(aResponse().withStatus(302).withHeader("Location",
                "http://127.0.0.1:1" + readPath()), TrackerCallFailed.Problem.BAD_RESPONSE);
        assertTrue(failed.getMessage().contains("redirect"), failed.getMessage());
    }

    @Test
    void privateAddressesAreRefusedBeforeAnyRequest() {
        TrackerHttp strict = new TrackerHttp(TrackerHttp.Settings.defaults(EgressPolicy.publicOnly()));
        TrackerCallFailed failed = assertThrows(TrackerCallFailed.class, () -> tracker().read(strict, target(), issueKey()));
        assertEquals(TrackerCallFailed.Problem.ADDRESS_REFUSED, failed.problem());
        server.verify(0, getRequestedFor(anyUrl()));
    }

    private TrackerCallFailed failsWith(ResponseDefinitionBuilder response, TrackerCallFailed.Problem problem) {
        server.resetAll();
        server.stubFor(any(urlPathEqualTo(readPath())).willReturn(response));
        TrackerCallFailed failed = assertThrows(TrackerCallFailed.class, () -> tracker().read(http, target(), issueKey()));
        assertEquals(problem, failed.problem(), failed.getMessage());
        assertFalse(failed.getMessage().contains(SECRET), "the credential leaked into " + failed.getMessage());
        return failed;
    }
}
