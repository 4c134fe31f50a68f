package org.gatehouse.web.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.gatehouse.launcher.PayaraMicroProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Black-box scans from the server (issue 5, B.1.3.1-ig) against a ZAP daemon's API given as recorded
 * answers on a real HTTP server (a complete ZAP cannot be assembled from Maven Central here): the
 * connection check, a whole scan ending as imported {@code zap} findings, and secrets kept secret.
 */
class BlackBoxScansIT {
    static final String API_KEY = "zap-K3Y-never-shown";
    static final String TOKEN = "Bearer app-T0KEN-never-shown";
    private static final WireMockServer ZAP = new WireMockServer(options().dynamicPort());
    private static TestDatabase database;
    private static PayaraMicroProcess server;
    private static Api admin;
    private static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        ZAP.start();
        answer("core/view/version", "{\"version\":\"2.17.0\"}");
        answer("context/action/newContext", "{\"contextId\":\"1\"}");
        for (String ok : new String[] {"context/action/includeInContext", "context/action/excludeFromContext",
            "replacer/action/addRule", "replacer/action/removeRule", "spider/action/stop", "ascan/action/stop",
            "context/action/removeContext", "authentication/action/setAuthenticationMethod",
            "authentication/action/setLoggedInIndicator", "authentication/action/setLoggedOutIndicator",
            "users/action/setAuthenticationCredentials", "users/action/setUserEnabled", "forcedUser/action/setForcedUser",
            "forcedUser/action/setForcedUserModeEnabled"}) {
            answer(ok, "{\"Result\":\"OK\"}");
        }
        answer("users/action/newUser", "{\"userId\":\"0\"}");
        answer("spider/action/scan", "{\"scan\":\"0\"}");
        sequence("spider/view/status", "{\"status\":\"0\"}", "{\"status\":\"100\"}");
        sequence("pscan/view/recordsToScan", "{\"recordsToScan\":\"3\"}", "{\"recordsToScan\":\"0\"}");
        answer("ascan/action/scan", "{\"scan\":\"3\"}");
        sequence("ascan/view/status", "{\"status\":\"10\"}", "{\"status\":\"60\"}", "{\"status\":\"100\"}");
        ZAP.stubFor(get(urlPathEqualTo("/OTHER/core/other/jsonreport/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(FindingsIT.fixture("zap-2.17.0-traditional.json"))));

        database = TestDatabase.create(GatehouseServer.itDirectory().resolve("databases"));
        env = new HashMap<>(GatehouseServer.TEST_ENVIRONMENT);
        env.put("GATEHOUSE_ZAP_URL", ZAP.baseUrl());
        env.put("GATEHOUSE_ZAP_API_KEY", API_KEY);
        server = GatehouseServer.start(database.application(), env);
        admin = Users.firstLogin(new Api(server.baseUri()), "admin", Users.ADMIN_INITIAL_PASSWORD, Users.PASSWORD);
    }

    private static void answer(String endpoint, String json) {
        // any method: calls that carry a secret are form posts (replacer/action/addRule, users/…/setAuthenticationCredentials)
        ZAP.stubFor(any(urlPathEqualTo("/JSON/" + endpoint + "/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json)));
    }

    private static void sequence(String endpoint, String... bodies) {
        for (int i = 0; i < bodies.length; i++) {
            var step = get(urlPathEqualTo("/JSON/" + endpoint + "/")).inScenario(endpoint)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step" + i)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(bodies[i]));
            ZAP.stubFor(i == bodies.length - 1 ? step : step.willSetStateTo("step" + (i + 1)));
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
        ZAP.stop();
    }

    @Test
    void aBlackBoxScanRunsThroughZapAndEndsAsImportedFindings() throws Exception {
        Users users = new Users(admin);
        String project = Fixtures.createProject(admin, "BBX");
        Api tester = users.withProjectRole("TESTER", project);
        String release = users.withProjectRole("PROJECT_OWNER", project)
                .post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id").asText();

        JsonNode check = tester.get("/api/v1/scans/zap").json();
        assertTrue(check.get("reachable").asBoolean(), check.toString());
        assertEquals("2.17.0", check.get("zapVersion").asText());

        Api.Reply badTarget = tester.post("/api/v1/releases/" + release + "/scans/black-box",
                "{\"target\":\"file:///etc/passwd\"}");
        assertEquals(400, badTarget.status(), badTarget.toString());
        assertEquals("urn:gatehouse:problem:validation-failed", badTarget.json().get("type").asText());
        assertEquals(400, tester.post("/api/v1/releases/" + release + "/scans/black-box",
                "{\"target\":\"http://shop.test/\",\"headerName\":\"X-Evil\\r\\nInjected\"}").status());
        assertEquals(0, tester.get("/api/v1/releases/" + release + "/scans").json().size(), "a refused request writes nothing");

        Api.Reply started = tester.post("/api/v1/releases/" + release + "/scans/black-box",
                "{\"target\":\"http://shop.test:8080/\",\"headerName\":\"Authorization\",\"headerValue\":\"" + TOKEN + "\"}");
        assertEquals(202, started.status(), started.toString());
        JsonNode scan = ScansIT.awaitEnd(tester, started.json().get("id").asText());
        assertEquals("SUCCEEDED", scan.get("state").asText(), scan.toString());
        assertEquals("BLACK_BOX", scan.get("kind").asText());
        JsonNode imported = tester.get("/api/v1/imports/" + scan.get("importId").asText()).json();
        assertEquals("zap", imported.get("scanner").asText());
        assertTrue(imported.get("counts").get("created").asInt() > 0, imported.toString());
        assertTrue(tester.get("/api/v1/findings?project=" + project + "&scanner=zap").json().get("items").size() > 0);

        // the API key went to ZAP only in its header; neither secret is shown or stored in clear
        assertTrue(ZAP.getAllServeEvents().stream().allMatch(e -> API_KEY.equals(e.getRequest().getHeader("X-ZAP-API-Key"))
                && !e.getRequest().getUrl().contains(API_KEY)));
        String everything = scan + tester.get("/api/v1/releases/" + release + "/scans").body();
        assertFalse(everything.contains(API_KEY) || everything.contains("T0KEN"), everything);
        org.gatehouse.launcher.DatabaseCoordinates su = database.superuser();
        try (Connection c = java.sql.DriverManager.getConnection(su.url(), su.user(), su.password());
                PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM scan WHERE position(convert_to('T0KEN', 'UTF8') IN auth_sealed) > 0"
                        + " OR zap_request LIKE '%T0KEN%' OR zap_state LIKE '%T0KEN%'")) {
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(0, r.getInt(1), "the authentication header is stored sealed only");
            }
        }
    }

    @Test
    void aFormLoginScanRunsAsAForcedUserAndItsCredentialsAreStoredSealedOnly() throws Exception {
        Users users = new Users(admin);
        String project = Fixtures.createProject(admin, "BBF");
        Api tester = users.withProjectRole("TESTER", project);
        String release = users.withProjectRole("PROJECT_OWNER", project)
                .post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id").asText();
        String form = "{\"loginUrl\":\"http://shop.test:8080/login\",\"loginRequestData\":"
                + "\"user={%username%}&pass={%password%}\",\"username\":\"tester@shop.test\",\"password\":\"PASS-w0rd-S3CRET\","
                + "\"loggedInIndicator\":\"Logout\"}";
        Api.Reply both = tester.post("/api/v1/releases/" + release + "/scans/black-box", "{\"target\":\"http://shop.test:8080/\","
                + "\"headerName\":\"Authorization\",\"headerValue\":\"x\",\"formLogin\":" + form + "}");
        assertEquals(400, both.status(), both.toString());
        Api.Reply noIndicator = tester.post("/api/v1/releases/" + release + "/scans/black-box",
                "{\"target\":\"http://shop.test:8080/\",\"formLogin\":" + form.replace(",\"loggedInIndicator\":\"Logout\"", "")
                        + "}");
        assertEquals(400, noIndicator.status(), noIndicator.toString());
        assertFalse(noIndicator.body().contains("S3CRET"), noIndicator.body());

        Api.Reply started = tester.post("/api/v1/releases/" + release + "/scans/black-box",
                "{\"target\":\"http://shop.test:8080/\",\"formLogin\":" + form + "}");
        assertEquals(202, started.status(), started.toString());
        JsonNode scan = ScansIT.awaitEnd(tester, started.json().get("id").asText());
        assertEquals("SUCCEEDED", scan.get("state").asText(), scan.toString());
        var credentials = ZAP.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getUrl().contains("setAuthenticationCredentials")).toList();
        assertEquals(1, credentials.size());
        assertEquals("POST", credentials.get(0).getMethod().getName(), "the credentials go in a form body, not a URL");
        assertTrue(credentials.get(0).getBodyAsString().contains("S3CRET"));
        assertTrue(ZAP.getAllServeEvents().stream().noneMatch(e -> e.getRequest().getUrl().contains("S3CRET")
                || e.getRequest().getUrl().contains("tester%40shop")));
        assertTrue(ZAP.getAllServeEvents().stream().anyMatch(e -> e.getRequest().getUrl().contains("setForcedUserModeEnabled")));
        org.gatehouse.launcher.DatabaseCoordinates su = database.superuser();
        try (Connection c = java.sql.DriverManager.getConnection(su.url(), su.user(), su.password());
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM scan WHERE position(convert_to('S3CRET',"
                        + " 'UTF8') IN auth_sealed) > 0 OR position(convert_to('tester@shop', 'UTF8') IN auth_sealed) > 0"
                        + " OR zap_request LIKE '%S3CRET%' OR zap_request LIKE '%tester@%' OR zap_state LIKE '%S3CRET%'");
                ResultSet r = s.executeQuery()) {
            r.next();
            assertEquals(0, r.getInt(1), "the form login's credentials are stored sealed only");
        }
        try (java.util.stream.Stream<java.nio.file.Path> logs = java.nio.file.Files.list(GatehouseServer.itDirectory())) {
            for (java.nio.file.Path log : logs.filter(p -> p.getFileName().toString().matches("payara-\\d+\\.log")).toList()) {
                assertFalse(java.nio.file.Files.readString(log).contains("PASS-w0rd-S3CRET"), "never logged: " + log);
            }
        }
    }

    @Test
    void aScanInProgressResumesAfterARestartOfGatehouse() throws Exception {
        Users users = new Users(admin);
        String project = Fixtures.createProject(admin, "BBR");
        Api tester = users.withProjectRole("TESTER", project);
        String release = users.withProjectRole("PROJECT_OWNER", project)
                .post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id").asText();
        // ZAP's active scan holds at 60 % until the test lets it finish
        ZAP.resetScenarios();
        var hold = get(urlPathEqualTo("/JSON/ascan/view/status/")).inScenario("resume");
        ZAP.stubFor(hold.whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"60\"}")));
        ZAP.stubFor(get(urlPathEqualTo("/JSON/ascan/view/status/")).inScenario("resume").whenScenarioStateIs("finish")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"100\"}")));
        String id = tester.post("/api/v1/releases/" + release + "/scans/black-box",
                "{\"target\":\"http://shop.test:8080/\"}").json().get("id").asText();
        JsonNode running = tester.get("/api/v1/scans/" + id).json();
        for (int i = 0; i < 300 && running.path("progress").path("done").asInt() < 70; i++) {
            Thread.sleep(100);
            running = tester.get("/api/v1/scans/" + id).json();
        }
        assertEquals("RUNNING", running.get("state").asText(), running.toString());
        long activeScansStarted = ZAP.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/JSON/ascan/action/scan/")).count();

        server.close();
        server = GatehouseServer.start(database.application(), env);
        ZAP.setScenarioState("resume", "finish");
        Api again = new Api(server.baseUri()).login(tester.loginName(), Users.PASSWORD);
        JsonNode scan = ScansIT.awaitEnd(again, id);
        assertEquals("SUCCEEDED", scan.get("state").asText(), scan.toString());
        assertEquals(activeScansStarted, ZAP.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/JSON/ascan/action/scan/")).count(),
                "the resumed scan polls ZAP's running active scan instead of starting another");
        admin = new Api(server.baseUri()).login("admin", Users.PASSWORD); // for the tests that run after this one
    }
}
