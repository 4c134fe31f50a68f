package org.gatehouse.scanner.zapdriver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A ZAP daemon's API as recorded answers on a real HTTP server (WireMock), and what was asked of it. */
final class ZapStub implements AutoCloseable {
    static final String KEY = "k3y-S3CRET-9f8e7d+/=";
    static final Path REPORT = Path.of("../scanner-zap/src/test/resources/fixtures/zap-2.17.0-traditional.json");
    final WireMockServer server = new WireMockServer(options().dynamicPort());

    ZapStub() {
        server.start();
    }

    ZapSettings settings() {
        return new ZapSettings(URI.create(server.baseUrl()), new ApiKey(KEY), Duration.ofMillis(500),
                Duration.ofMillis(700), Duration.ofMillis(5));
    }

    /** {@code endpoint} is {@code component/type/method}, e.g. {@code spider/view/status}; JSON unless "other". */
    static String path(String endpoint) {
        return (endpoint.contains("/other/") ? "/OTHER/" : "/JSON/") + endpoint + "/";
    }

    ZapStub answer(String endpoint, String body) {
        return answer(endpoint, 200, body);
    }

    ZapStub answer(String endpoint, int status, String body) {
        server.stubFor(any(urlPathEqualTo(path(endpoint))).willReturn(json(status, body)));
        return this;
    }

    ZapStub answerWith(String endpoint, ResponseDefinitionBuilder response) {
        server.stubFor(any(urlPathEqualTo(path(endpoint))).willReturn(response));
        return this;
    }

    /** Answers in turn; the last one again and again. */
    ZapStub sequence(String endpoint, String... bodies) {
        for (int i = 0; i < bodies.length; i++) {
            ScenarioMappingBuilder step = any(urlPathEqualTo(path(endpoint))).inScenario(endpoint)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step" + i).willReturn(json(200, bodies[i]));
            server.stubFor(i == bodies.length - 1 ? step : step.willSetStateTo("step" + (i + 1)));
        }
        return this;
    }

    static String recorded(String name) {
        try (InputStream in = ZapStub.class.getResourceAsStream("/zap-api/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String status(int percent) {
        return "{\"status\":\"" + percent + "\"}";
    }

    static String records(int left) {
        return "{\"recordsToScan\":\"" + left + "\"}";
    }

    /** A ZAP that answers a whole scan: version, context, spider 0-42-100, passive 12-5-0, active 0-37-100, report. */
    ZapStub wholeScan() {
        answer("core/view/version", recorded("core-view-version.json"));
        answer("context/action/newContext", recorded("context-action-newContext.json"));
        answer("context/action/includeInContext", recorded("result-ok.json"));
        answer("context/action/excludeFromContext", recorded("result-ok.json"));
        answer("context/action/removeContext", recorded("result-ok.json"));
        answer("replacer/action/addRule", recorded("result-ok.json"));
        answer("replacer/action/removeRule", recorded("result-ok.json"));
        answer("authentication/action/setAuthenticationMethod", recorded("result-ok.json"));
        answer("authentication/action/setLoggedInIndicator", recorded("result-ok.json"));
        answer("authentication/action/setLoggedOutIndicator", recorded("result-ok.json"));
        answer("users/action/newUser", recorded("users-action-newUser.json"));
        answer("users/action/setAuthenticationCredentials", recorded("result-ok.json"));
        answer("users/action/setUserEnabled", recorded("result-ok.json"));
        answer("forcedUser/action/setForcedUser", recorded("result-ok.json"));
        answer("forcedUser/action/setForcedUserModeEnabled", recorded("result-ok.json"));
        answer("spider/action/scan", recorded("spider-action-scan.json"));
        sequence("spider/view/status", status(0), status(42), status(100));
        answer("spider/action/stop", recorded("result-ok.json"));
        sequence("pscan/view/recordsToScan", records(12), records(5), records(0));
        answer("ascan/action/scan", recorded("ascan-action-scan.json"));
        sequence("ascan/view/status", status(0), status(37), status(100));
        answer("ascan/action/stop", recorded("result-ok.json"));
        try {
            server.stubFor(any(urlPathEqualTo(path("core/other/jsonreport"))).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=UTF-8").withBody(Files.readAllBytes(REPORT))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    List<LoggedRequest> requests() {
        List<LoggedRequest> requests = new ArrayList<>(server.getAllServeEvents().stream().map(e -> e.getRequest()).toList());
        Collections.reverse(requests); // WireMock lists the latest first
        return requests;
    }

    /** The endpoints asked, in order, repeated polls of one endpoint shown once. */
    List<String> calls() {
        List<String> calls = new ArrayList<>();
        for (LoggedRequest request : requests()) {
            String endpoint = endpoint(request);
            if (calls.isEmpty() || !calls.get(calls.size() - 1).equals(endpoint)) {
                calls.add(endpoint);
            }
        }
        return calls;
    }

    long count(String endpoint) {
        return requests().stream().filter(r -> endpoint(r).equals(endpoint)).count();
    }

    /** The parameters of the first call of {@code endpoint}: its query, or its form body when posted. */
    Map<String, String> params(String endpoint) {
        LoggedRequest request = requests().stream().filter(r -> endpoint(r).equals(endpoint)).findFirst().orElseThrow();
        Map<String, String> params = new TreeMap<>();
        request.getQueryParams().forEach((k, v) -> params.put(k, v.firstValue()));
        if (request.getMethod().getName().equals("POST")) {
            for (String pair : request.getBodyAsString().split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** Every request as ZAP received it (URL and body), to look for secrets where they must not be. */
    List<String> urls() {
        return requests().stream().map(LoggedRequest::getUrl).toList();
    }

    String method(String endpoint) {
        return requests().stream().filter(r -> endpoint(r).equals(endpoint)).findFirst().orElseThrow().getMethod().getName();
    }

    private static String endpoint(LoggedRequest request) {
        String[] parts = URI.create(request.getUrl()).getPath().split("/");
        return String.join("/", Arrays.copyOfRange(parts, 2, 5));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }

    @Override
    public void close() {
        server.stop();
    }
}
