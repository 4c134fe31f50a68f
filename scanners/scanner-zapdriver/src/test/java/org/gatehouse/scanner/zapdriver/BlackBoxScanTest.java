package org.gatehouse.scanner.zapdriver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.zap.ZapPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole black-box scan against recorded ZAP 2.17.0 API answers served by a real HTTP server (WireMock). */
class BlackBoxScanTest {
    private static final URI TARGET = URI.create("http://shop.test:8080/");
    private final ZapStub zap = new ZapStub();
    private final CapturedLog log = new CapturedLog();
    private final List<ScanProgress> progress = new CopyOnWriteArrayList<>();
    private final List<ScanState> states = new CopyOnWriteArrayList<>();
    @TempDir
    Path dir;

    @AfterEach
    void noSecretInTheLogs() {
        log.close();
        zap.close();
        Secrets.assertNone(log.all());
        Secrets.assertNone(states.toString());
    }

    private ScanRequest request() {
        return ScanRequest.of(TARGET, dir.resolve("reports/zap.json"));
    }

    private ScanListener listener(java.util.function.Consumer<ScanProgress> also) {
        return new ScanListener() {
            @Override
            public void progress(ScanProgress p) {
                progress.add(p);
                also.accept(p);
            }

            @Override
            public void stateChanged(ScanState state) {
                states.add(state);
            }
        };
    }

    private ScanOutcome run(BlackBoxScan scan) {
        ScanOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), scan::run);
        Secrets.assertNone(outcome.toString());
        return outcome;
    }

    private static List<ReportedFinding> findings(Path report) throws Exception {
        List<ReportedFinding> findings = new ArrayList<>();
        new ZapPlugin().parse(ReportSource.of(report), findings::add);
        return findings;
    }

    private static List<ScanProgress> progress(Object... phaseAndPercents) {
        List<ScanProgress> list = new ArrayList<>();
        ScanPhase phase = null;
        for (Object o : phaseAndPercents) {
            if (o instanceof ScanPhase p) {
                phase = p;
            } else {
                list.add(new ScanProgress(phase, (Integer) o));
            }
        }
        return list;
    }

    @Test
    void wholeScanCallsZapInOrderReportsProgressAndWritesAReportZapPluginImports() throws Exception {
        zap.wholeScan();
        BlackBoxScan scan = BlackBoxScan.create(zap.settings(), request(), listener(p -> { }));
        String name = scan.state().name();

        ScanOutcome outcome = run(scan);

        ScanOutcome.Completed completed = assertInstanceOf(ScanOutcome.Completed.class, outcome);
        assertEquals("2.17.0", completed.zapVersion());
        assertEquals(List.of("core/view/version", "context/action/newContext", "context/action/includeInContext",
                "spider/action/scan", "spider/view/status", "pscan/view/recordsToScan", "ascan/action/scan",
                "ascan/view/status", "core/other/jsonreport"), zap.calls());
        assertEquals(3, zap.count("spider/view/status"));
        assertEquals(3, zap.count("ascan/view/status"));
        assertEquals(Map.of("contextName", name), zap.params("context/action/newContext"));
        assertEquals(Map.of("contextName", name, "regex", "\\Qhttp://shop.test:8080/\\E.*"),
                zap.params("context/action/includeInContext"));
        assertEquals(Map.of("url", TARGET.toString(), "recurse", "true", "contextName", name),
                zap.params("spider/action/scan"));
        assertEquals(Map.of("scanId", "0"), zap.params("spider/view/status"));
        assertEquals(Map.of("url", TARGET.toString(), "recurse", "true", "contextId", "1"), zap.params("ascan/action/scan"));
        assertEquals(Map.of("scanId", "3"), zap.params("ascan/view/status"));
        assertEquals(15, zap.requests().size());
        assertTrue(zap.requests().stream().allMatch(r -> ZapStub.KEY.equals(r.getHeader("X-ZAP-API-Key"))
                && !r.getUrl().contains("S3CRET")), "the key goes in a header of every call, never in a URL");
        assertEquals(progress(ScanPhase.SPIDER, 0, 42, 100, ScanPhase.PASSIVE_SCAN, 0, 58, 100,
                ScanPhase.ACTIVE_SCAN, 0, 37, 100, ScanPhase.REPORT, 0, 100), progress);
        assertEquals(List.of(ScanPhase.SPIDER, ScanPhase.SPIDER, ScanPhase.PASSIVE_SCAN, ScanPhase.ACTIVE_SCAN,
                ScanPhase.ACTIVE_SCAN, ScanPhase.REPORT, ScanPhase.DONE), states.stream().map(ScanState::phase).toList());
        assertEquals(new ScanState(name, ScanPhase.DONE, Optional.of(1), Optional.of("0"), Optional.of("3"),
                scan.state().deadline()), completed.state());
        assertArrayEquals(Files.readAllBytes(ZapStub.REPORT), Files.readAllBytes(completed.report()));
        List<ReportedFinding> findings = findings(completed.report());
        assertEquals(14, findings.size());
        assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("40018")), "SQL injection (B.1.4.1)");
        assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("40012")), "reflected XSS (B.1.4.1)");
        assertTrue(log.all().contains("ZAP 2.17.0"), log.all());
    }

    @Test
    void formLoginSetsUpAForcedUserPostsTheCredentialsAndRemovesTheContextAfterwards() throws Exception {
        zap.wholeScan();
        Authentication.FormLogin login = new Authentication.FormLogin(URI.create("http://shop.test:8080/login"),
                "user={%username%}&pass={%password%}&csrf=", Secrets.USER, Secrets.PASSWORD,
                Optional.of("\\Qhref=\"/logout\"\\E"), Optional.of("(?i)sign in"));
        BlackBoxScan scan = BlackBoxScan.create(zap.settings(), request().withAuthentication(login), listener(p -> { }));

        ScanOutcome outcome = run(scan);

        assertInstanceOf(ScanOutcome.Completed.class, outcome, outcome.toString());
        assertEquals(List.of("core/view/version", "context/action/newContext", "context/action/includeInContext",
                "authentication/action/setAuthenticationMethod", "authentication/action/setLoggedInIndicator",
                "authentication/action/setLoggedOutIndicator", "users/action/newUser",
                "users/action/setAuthenticationCredentials", "users/action/setUserEnabled",
                "forcedUser/action/setForcedUser", "forcedUser/action/setForcedUserModeEnabled", "spider/action/scan",
                "spider/view/status", "pscan/view/recordsToScan", "ascan/action/scan", "ascan/view/status",
                "core/other/jsonreport", "context/action/removeContext"), zap.calls());
        String name = scan.state().name();
        assertEquals(Map.of("contextId", "1", "authMethodName", "formBasedAuthentication", "authMethodConfigParams",
                "loginUrl=http%3A%2F%2Fshop.test%3A8080%2Flogin&loginRequestData=user%3D%7B%25username%25%7D%26pass%3D"
                        + "%7B%25password%25%7D%26csrf%3D"), zap.params("authentication/action/setAuthenticationMethod"));
        assertEquals(Map.of("contextId", "1", "loggedInIndicatorRegex", "\\Qhref=\"/logout\"\\E"),
                zap.params("authentication/action/setLoggedInIndicator"));
        assertEquals(Map.of("contextId", "1", "loggedOutIndicatorRegex", "(?i)sign in"),
                zap.params("authentication/action/setLoggedOutIndicator"));
        assertEquals(Map.of("contextId", "1", "name", name), zap.params("users/action/newUser"));
        assertEquals("POST", zap.method("users/action/setAuthenticationCredentials"), "credentials never in a URL");
        assertEquals(Map.of("contextId", "1", "userId", "0", "authCredentialsConfigParams", "username="
                + java.net.URLEncoder.encode(Secrets.USER, java.nio.charset.StandardCharsets.UTF_8) + "&password="
                + java.net.URLEncoder.encode(Secrets.PASSWORD, java.nio.charset.StandardCharsets.UTF_8)),
                zap.params("users/action/setAuthenticationCredentials"));
        assertEquals(Map.of("contextId", "1", "userId", "0", "enabled", "true"), zap.params("users/action/setUserEnabled"));
        assertEquals(Map.of("contextId", "1", "userId", "0"), zap.params("forcedUser/action/setForcedUser"));
        assertEquals(Map.of("boolean", "true"), zap.params("forcedUser/action/setForcedUserModeEnabled"));
        assertEquals(Map.of("contextName", name), zap.params("context/action/removeContext"));
        Secrets.assertNone(String.join("\n", zap.urls()));
        Secrets.assertNone(login.toString());
    }

    @Test
    void aRefusedLoginSetupFailsTheScanWithoutTheCredentialsInTheReason() throws Exception {
        zap.wholeScan().answer("users/action/setAuthenticationCredentials", 400, ZapStub.recorded("error-does_not_exist.json"));
        Authentication.FormLogin login = new Authentication.FormLogin(URI.create("https://shop.test/login"),
                "u={%username%}&p={%password%}", Secrets.USER, Secrets.PASSWORD, Optional.of("Logout"), Optional.empty());
        ScanOutcome outcome = run(BlackBoxScan.create(zap.settings(), request().withAuthentication(login), listener(p -> { })));
        ScanOutcome.Failed failed = assertInstanceOf(ScanOutcome.Failed.class, outcome, outcome.toString());
        assertEquals(ZapProblem.ZAP_ERROR, failed.problem());
        assertTrue(failed.reason().contains("users/action/setAuthenticationCredentials"), failed.reason());
        Secrets.assertNone(failed.reason());
        assertEquals(1, zap.count("context/action/removeContext"), "the half-made user goes with its context");
        assertEquals(0, zap.count("spider/action/scan"));
    }

    @Test
    void headerTokenAjaxSpiderPolicyAndExcludesGoToZapAndTheTokenRuleIsRemovedAfterwards() throws Exception {
        zap.wholeScan().sequence("ajaxSpider/view/status", "{\"status\":\"stopped\"}", "{\"status\":\"running\"}",
                "{\"status\":\"running\"}", "{\"status\":\"stopped\"}")
                .answer("ajaxSpider/action/scan", ZapStub.recorded("result-ok.json"));
        ScanRequest request = request().withAuthentication(new Authentication.HeaderToken("Authorization", Secrets.TOKEN))
                .withAjaxSpider().withPolicy("SQLi and XSS")
                .withContext(new ScanContext(List.of("http://shop\\.test:8080/.*"), List.of(".*/logout.*")));
        BlackBoxScan scan = BlackBoxScan.create(zap.settings(), request, listener(p -> { }));

        ScanOutcome outcome = run(scan);

        assertInstanceOf(ScanOutcome.Completed.class, outcome);
        assertEquals(List.of("core/view/version", "context/action/newContext", "context/action/includeInContext",
                "context/action/excludeFromContext", "replacer/action/addRule", "spider/action/scan", "spider/view/status",
                "ajaxSpider/view/status", "ajaxSpider/action/scan", "ajaxSpider/view/status", "pscan/view/recordsToScan",
                "ascan/action/scan", "ascan/view/status", "core/other/jsonreport", "replacer/action/removeRule"), zap.calls());
        String name = scan.state().name();
        assertEquals(Map.of("description", name, "enabled", "true", "matchType", "REQ_HEADER", "matchRegex", "false",
                "matchString", "Authorization", "replacement", Secrets.TOKEN, "url", "http://shop\\.test:8080/.*"),
                zap.params("replacer/action/addRule"));
        assertEquals(Map.of("description", name), zap.params("replacer/action/removeRule"));
        assertEquals(Map.of("contextName", name, "regex", ".*/logout.*"), zap.params("context/action/excludeFromContext"));
        assertEquals("SQLi and XSS", zap.params("ascan/action/scan").get("scanPolicyName"));
        assertEquals(Map.of("url", TARGET.toString(), "contextName", name), zap.params("ajaxSpider/action/scan"));
        assertEquals(progress(ScanPhase.AJAX_SPIDER, 0, 100), progress.stream()
                .filter(p -> p.phase() == ScanPhase.AJAX_SPIDER).toList());
    }

    @Test
    void ajaxSpiderIsSkippedWhenZapHasNoSuchAddOn() {
        zap.wholeScan().answer("ajaxSpider/view/status", 400, ZapStub.recorded("error-no_implementor.json"));
        ScanOutcome outcome = run(BlackBoxScan.create(zap.settings(), request().withAjaxSpider(), listener(p -> { })));
        assertInstanceOf(ScanOutcome.Completed.class, outcome);
        assertEquals(1, zap.count("ajaxSpider/view/status"));
        assertEquals(0, zap.count("ajaxSpider/action/scan"));
        assertTrue(log.all().contains("AJAX spider add-on is not in this ZAP"), log.all());
    }

    @Test
    void wrongApiKeyFailsAtOnceWithoutRetrying() {
        zap.wholeScan().answer("core/view/version", 400, ZapStub.recorded("error-bad_api_key.json"));
        ScanOutcome outcome = run(BlackBoxScan.create(zap.settings(), request(), listener(p -> { })));
        ScanOutcome.Failed failed = assertInstanceOf(ScanOutcome.Failed.class, outcome);
        assertEquals(ZapProblem.WRONG_API_KEY, failed.problem());
        assertEquals("ZAP at " + zap.server.baseUrl() + " rejected the API key (bad_api_key)", failed.reason());
        assertEquals(List.of("core/view/version"), zap.calls());
        assertEquals(1, zap.count("core/view/version"));
    }

    @Test
    void unreachableZapFailsAfterBoundedRetries() {
        ZapSettings settings = zap.settings();
        zap.close();
        ScanOutcome outcome = run(BlackBoxScan.create(settings, request(), listener(p -> { })));
        ScanOutcome.Failed failed = assertInstanceOf(ScanOutcome.Failed.class, outcome);
        assertEquals(ZapProblem.REFUSED, failed.problem());
        assertEquals("ZAP is unreachable: connection to ZAP at " + settings.baseUrl() + " refused or unreachable",
                failed.reason());
        assertEquals(ScanPhase.SETUP, failed.state().phase());
        assertEquals(PatientCalls.ATTEMPTS - 1, log.lines().stream().filter(l -> l.contains("(attempt ")).count());
    }

    @Test
    void zapGoingAwayMidScanFailsWithStoppedAnswering() {
        zap.wholeScan();
        ZapSettings settings = zap.settings();
        ScanOutcome outcome = run(BlackBoxScan.create(settings, request(), listener(p -> {
            if (p.equals(new ScanProgress(ScanPhase.SPIDER, 42))) {
                zap.server.stop(); // the ZAP daemon dies while its spider runs
            }
        })));
        ScanOutcome.Failed failed = assertInstanceOf(ScanOutcome.Failed.class, outcome);
        assertEquals(ZapProblem.STOPPED_ANSWERING, failed.problem());
        assertTrue(failed.reason().startsWith("ZAP stopped answering at " + settings.baseUrl()
                + " (spider/view/status, 3 attempts; last: "), failed.reason());
        assertEquals(ScanPhase.SPIDER, failed.state().phase());
        assertEquals(Optional.of("0"), failed.state().spiderScanId());
        assertEquals(2, log.lines().stream().filter(l -> l.contains("spider/view/status failed (attempt ")).count());
    }

    @Test
    void zapHangingMidScanIsRetriedThenStoppedAnswering() {
        zap.wholeScan().answerWith("ascan/view/status", aResponse().withFixedDelay(1_500).withBody(ZapStub.status(50)));
        ScanOutcome outcome = run(BlackBoxScan.create(zap.settings(), request(), listener(p -> { })));
        ScanOutcome.Failed failed = assertInstanceOf(ScanOutcome.Failed.class, outcome);
        assertEquals(ZapProblem.STOPPED_ANSWERING, failed.problem());
        assertTrue(failed.reason().contains("did not answer ascan/view/status within 700 ms"), failed.reason());
        assertEquals(PatientCalls.ATTEMPTS, zap.count("ascan/view/status"));
        assertEquals(0, zap.count("ascan/action/stop"), "ZAP that does not answer is not asked to stop");
    }

    @Test
    void zapApiErrorFailsWithZapsReasonAndStopsNothingElse() {
        zap.wholeScan().answer("ascan/action/scan", 400, ZapStub.recorded("error-does_not_exist.json"));
        ScanOutcome outcome = run(BlackBoxScan.create(zap.settings(), request().withPolicy("No such policy"),
                listener(p -> { })));
        ScanOutcome.Failed failed = assertInstanceOf(ScanOutcome.Failed.class, outcome);
        assertEquals(ZapProblem.ZAP_ERROR, failed.problem());
        assertEquals("ZAP refused ascan/action/scan: does_not_exist (Does Not Exist: scanPolicyName)", failed.reason());
        assertEquals(1, zap.count("ascan/action/scan"));
        assertEquals(0, zap.count("core/other/jsonreport"));
    }

    @Test
    void overallTimeoutEndsTimedOutAndStopsTheSpider() {
        zap.wholeScan().answer("spider/view/status", ZapStub.status(10));
        ScanOutcome outcome = run(BlackBoxScan.create(zap.settings(), request().withTimeout(Duration.ofMillis(1_500)),
                listener(p -> { })));
        ScanOutcome.TimedOut timedOut = assertInstanceOf(ScanOutcome.TimedOut.class, outcome);
        assertEquals(ScanPhase.SPIDER, timedOut.state().phase());
        assertEquals(Map.of("scanId", "0"), zap.params("spider/action/stop"));
        assertEquals(0, zap.count("ascan/action/scan"));
    }

    @Test
    void cancelDuringTheActiveScanStopsItInZap() {
        AtomicReference<BlackBoxScan> scan = new AtomicReference<>();
        zap.wholeScan().sequence("ascan/view/status", ZapStub.status(0), ZapStub.status(50), ZapStub.status(60));
        scan.set(BlackBoxScan.create(zap.settings(), request(), listener(p -> {
            if (p.phase() == ScanPhase.ACTIVE_SCAN && p.percent() == 50) {
                scan.get().cancel();
            }
        })));
        ScanOutcome outcome = run(scan.get());
        ScanOutcome.Cancelled cancelled = assertInstanceOf(ScanOutcome.Cancelled.class, outcome);
        assertEquals(ScanPhase.ACTIVE_SCAN, cancelled.state().phase());
        assertEquals(Map.of("scanId", "3"), zap.params("ascan/action/stop"));
        assertEquals(2, zap.count("ascan/view/status"));
        assertEquals(0, zap.count("core/other/jsonreport"));
    }

    @Test
    void cancelFromAnotherThreadStopsTheSpiderWithoutWaitingForTheNextPoll() throws Exception {
        zap.wholeScan().answer("spider/view/status", ZapStub.status(10));
        ZapSettings slowPolling = new ZapSettings(zap.settings().baseUrl(), new ApiKey(ZapStub.KEY),
                Duration.ofMillis(500), Duration.ofMillis(700), Duration.ofMinutes(5));
        CountDownLatch spidering = new CountDownLatch(1);
        BlackBoxScan scan = BlackBoxScan.create(slowPolling, request(), listener(p -> {
            if (p.equals(new ScanProgress(ScanPhase.SPIDER, 10))) {
                spidering.countDown();
            }
        }));
        CompletableFuture<ScanOutcome> running = CompletableFuture.supplyAsync(scan::run);
        assertTrue(spidering.await(10, TimeUnit.SECONDS));
        scan.cancel();
        ScanOutcome outcome = running.get(5, TimeUnit.SECONDS);
        assertInstanceOf(ScanOutcome.Cancelled.class, outcome);
        assertEquals(Map.of("scanId", "0"), zap.params("spider/action/stop"));
    }

    @Test
    void resumesPollingFromAPersistedStateWithoutStartingAnythingAgain() throws Exception {
        zap.wholeScan().sequence("ascan/view/status", ZapStub.status(80), ZapStub.status(100));
        ScanState persisted = new ScanState("gatehouse-0123456789ab", ScanPhase.ACTIVE_SCAN, Optional.of(1),
                Optional.of("0"), Optional.of("3"), Instant.now().plus(Duration.ofHours(1)));

        ScanOutcome outcome = run(BlackBoxScan.resume(persisted, zap.settings(), request(), listener(p -> { })));

        ScanOutcome.Completed completed = assertInstanceOf(ScanOutcome.Completed.class, outcome);
        assertEquals(List.of("core/view/version", "ascan/view/status", "core/other/jsonreport"), zap.calls());
        assertEquals(Map.of("scanId", "3"), zap.params("ascan/view/status"));
        assertEquals(progress(ScanPhase.ACTIVE_SCAN, 0, 80, 100, ScanPhase.REPORT, 0, 100), progress);
        assertEquals(persisted.in(ScanPhase.DONE), completed.state());
        assertEquals(14, findings(completed.report()).size());
    }

    @Test
    void resumedScanCanBeCancelledWithoutRunningIt() {
        zap.wholeScan();
        ScanState persisted = new ScanState("gatehouse-0123456789ab", ScanPhase.SPIDER, Optional.of(1),
                Optional.of("4"), Optional.empty(), Instant.now().plus(Duration.ofHours(1)));
        BlackBoxScan scan = BlackBoxScan.resume(persisted, zap.settings(), request(), listener(p -> { }));
        scan.cancel();
        assertEquals(Map.of("scanId", "4"), zap.params("spider/action/stop"));
        assertInstanceOf(ScanOutcome.Cancelled.class, run(scan));
        assertEquals(List.of("spider/action/stop"), zap.calls());
    }

    @Test
    void aReportThatIsNotJsonFailsTheScan() {
        zap.wholeScan().answer("core/other/jsonreport", "<html><body>report</body></html>");
        ScanOutcome.Failed failed = assertInstanceOf(ScanOutcome.Failed.class,
                run(BlackBoxScan.create(zap.settings(), request(), listener(p -> { }))));
        assertEquals(ZapProblem.REPORT_UNUSABLE, failed.problem());
        assertTrue(Files.notExists(request().reportFile()));
    }

    @Test
    void theApiKeyAndTokenLeakNowhereEvenWhenZapEchoesThem() {
        // a hostile or buggy server echoing the secrets back in its error text
        zap.wholeScan().answer("replacer/action/addRule", 400, "{\"code\":\"illegal_parameter\",\"message\":\"Illegal"
                + " Parameter\",\"detail\":\"replacement=" + Secrets.TOKEN + " key=" + ZapStub.KEY + "\"}");
        ScanRequest request = request().withAuthentication(new Authentication.HeaderToken("Authorization", Secrets.TOKEN));
        BlackBoxScan scan = BlackBoxScan.create(zap.settings(), request, listener(p -> { }));
        ScanOutcome.Failed failed = assertInstanceOf(ScanOutcome.Failed.class, run(scan));
        assertEquals("ZAP refused replacer/action/addRule: illegal_parameter (Illegal Parameter: replacement=**** key=****)",
                failed.reason());
        assertTrue(log.all().contains("replacement=****"), log.all());
        Secrets.assertNone(scan.state().toString());
        Secrets.assertNone(request.toString());
    }
}
