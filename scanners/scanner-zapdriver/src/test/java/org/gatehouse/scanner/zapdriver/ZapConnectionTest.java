package org.gatehouse.scanner.zapdriver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connection check against recorded ZAP answers on a real HTTP server, and against no server at all. */
class ZapConnectionTest {
    private final ZapStub zap = new ZapStub();
    private final CapturedLog log = new CapturedLog();

    @AfterEach
    void noSecretInTheLogs() {
        log.close();
        zap.close();
        Secrets.assertNone(log.all());
    }

    private ConnectionCheck check() {
        ConnectionCheck check = ZapConnection.check(zap.settings());
        Secrets.assertNone(check.toString());
        return check;
    }

    @Test
    void tellsTheVersionOfTheZapThatAnswersAndSendsTheKeyInTheHeader() {
        zap.answer("core/view/version", ZapStub.recorded("core-view-version.json"));
        ConnectionCheck check = check();
        assertTrue(check.reachable());
        assertEquals(Optional.of("2.17.0"), check.zapVersion());
        assertEquals(Optional.empty(), check.problem());
        zap.server.verify(1, getRequestedFor(urlPathEqualTo("/JSON/core/view/version/"))
                .withHeader("X-ZAP-API-Key", equalTo(ZapStub.KEY)));
        assertEquals(0, zap.requests().get(0).getQueryParams().size(), "the key goes in the header, never in the URL");
    }

    @Test
    void wrongApiKeyIsTold() {
        zap.answer("core/view/version", 400, ZapStub.recorded("error-bad_api_key.json"));
        ConnectionCheck check = check();
        assertFalse(check.reachable());
        assertEquals(Optional.of(ZapProblem.WRONG_API_KEY), check.problem());
        assertEquals("ZAP at " + zap.server.baseUrl() + " rejected the API key (bad_api_key)", check.message());
    }

    @Test
    void forbiddenFromAReverseProxyIsAWrongKeyToo() {
        zap.answer("core/view/version", 403, "<html>Forbidden</html>");
        assertEquals(Optional.of(ZapProblem.WRONG_API_KEY), check().problem());
        assertTrue(check().message().endsWith("(HTTP 403)"), check().message());
    }

    @Test
    void aServerThatIsNotZapIsTold() {
        zap.answer("core/view/version", "<!doctype html><title>Shop</title>");
        assertEquals(Optional.of(ZapProblem.NOT_ZAP), check().problem());
        zap.answer("core/view/version", "{\"name\":\"some other API\"}");
        assertEquals(Optional.of(ZapProblem.NOT_ZAP), check().problem());
        zap.answer("core/view/version", 404, "Not Found");
        ConnectionCheck notFound = check();
        assertEquals(Optional.of(ZapProblem.NOT_ZAP), notFound.problem());
        assertTrue(notFound.message().contains("HTTP 404") && notFound.message().contains("ZAP's API"), notFound.message());
    }

    @Test
    void refusedConnectionIsTold() {
        ZapSettings settings = zap.settings();
        zap.close();
        ConnectionCheck check = ZapConnection.check(settings);
        assertEquals(Optional.of(ZapProblem.REFUSED), check.problem());
        assertEquals("connection to ZAP at " + settings.baseUrl() + " refused or unreachable", check.message());
    }

    @Test
    void slowAnswerIsATimeout() {
        zap.answerWith("core/view/version", aResponse().withFixedDelay(2_000).withBody("{\"version\":\"2.17.0\"}"));
        ConnectionCheck check = check();
        assertEquals(Optional.of(ZapProblem.TIMEOUT), check.problem());
        assertTrue(check.message().contains("did not answer core/view/version within 700 ms"), check.message());
    }

    @Test
    void logsTheFailureWithoutTheKey() {
        zap.answer("core/view/version", 400, ZapStub.recorded("error-bad_api_key.json"));
        check();
        assertTrue(log.all().contains("ZAP connection check failed"), log.all());
    }

    @Test
    void httpsAddressIsSpokenTlsTo() {
        // generous timeouts: on a loaded machine the failed handshake can take longer than the stub's 700 ms
        ZapSettings https = new ZapSettings(URI.create("https://localhost:" + zap.server.port()), new ApiKey(ZapStub.KEY),
                java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(10), zap.settings().pollInterval());
        ConnectionCheck check = ZapConnection.check(https);
        assertFalse(check.reachable()); // a plain-HTTP server does not complete a TLS handshake
        assertEquals(Optional.of(ZapProblem.IO), check.problem());
        Secrets.assertNone(check.toString());
    }
}
