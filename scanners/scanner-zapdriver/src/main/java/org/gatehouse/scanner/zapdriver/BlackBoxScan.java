package org.gatehouse.scanner.zapdriver;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Level;
import org.gatehouse.scanner.zapdriver.ZapApi.ZapCall;
import org.zaproxy.clientapi.core.ClientApiException;

/**
 * One black-box scan of the running product (B.1.3.1-ig; its active scan tests B.1.4.1 SQL injection and
 * XSS) driven through a user-run ZAP daemon: context, authentication (header token or form login with a forced
 * user), spider, AJAX spider, passive
 * drain, active scan, JSON report. {@link #run()} never throws; it ends in a {@link ScanOutcome}.
 */
public final class BlackBoxScan {
    private final ScanRequest request;
    private final ScanListener listener;
    private final Redactor redactor;
    private final ZapApi api;
    private final PatientCalls calls;
    private final boolean resumed;
    private volatile boolean running;
    private volatile ScanState state;

    private BlackBoxScan(ZapSettings settings, ScanRequest request, ScanListener listener, ScanState state,
            boolean resumed) {
        Objects.requireNonNull(settings, "settings");
        this.request = Objects.requireNonNull(request, "request");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.state = Objects.requireNonNull(state, "state");
        this.resumed = resumed;
        List<String> secrets = new java.util.ArrayList<>(List.of(settings.apiKey().value()));
        request.authentication().ifPresent(a -> secrets.addAll(a.secrets()));
        this.redactor = new Redactor(secrets);
        this.api = new ZapApi(settings, redactor);
        this.calls = new PatientCalls(api, redactor, settings.pollInterval(), state.deadline());
    }

    /** A new scan, named {@code gatehouse-<random>} in ZAP, that must end within the request's timeout. */
    public static BlackBoxScan create(ZapSettings settings, ScanRequest request, ScanListener listener) {
        String name = "gatehouse-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new BlackBoxScan(settings, request, listener,
                ScanState.starting(name, Clock.systemUTC().instant().plus(request.timeout())), false);
    }

    /** A scan persisted before a restart: {@link #run()} goes on polling ZAP from the persisted phase and ids. */
    public static BlackBoxScan resume(ScanState state, ZapSettings settings, ScanRequest request, ScanListener listener) {
        return new BlackBoxScan(settings, request, listener, state, true);
    }

    /** The resumable state now (also handed to {@link ScanListener#stateChanged} at every change). */
    public ScanState state() {
        return state;
    }

    /** Runs (or resumes) the scan to its end; blocks, polling ZAP every {@code pollInterval}. */
    public synchronized ScanOutcome run() {
        running = true;
        try {
            calls.checkpoint();
            String version = call("core/view/version", () -> ZapConnection.version(api));
            log(Level.INFO, "scan " + state.name() + " of " + request.target() + ": ZAP " + version + " at "
                    + api.where() + ", " + (resumed ? "resuming in " : "starting in ") + state.phase());
            while (state.phase() != ScanPhase.DONE) {
                switch (state.phase()) {
                    case SETUP -> setUp();
                    case SPIDER -> spider();
                    case AJAX_SPIDER -> ajaxSpider();
                    case PASSIVE_SCAN -> passiveScan();
                    case ACTIVE_SCAN -> activeScan();
                    case REPORT -> report();
                    case DONE -> { }
                }
            }
            cleanUp();
            log(Level.INFO, "scan " + state.name() + " done: report in " + request.reportFile());
            return new ScanOutcome.Completed(state, request.reportFile(), version);
        } catch (PatientCalls.Stopped stopped) {
            log(Level.WARNING, "scan " + state.name() + " ended in " + state.phase() + " as " + stopped);
            if (!stopped.zapGone()) {
                stopZapScans();
            }
            cleanUp();
            return stopped.outcome(state);
        } catch (RuntimeException e) {
            String reason = redactor.apply("unexpected error in " + state.phase() + ": " + e);
            log(Level.SEVERE, "scan " + state.name() + ": " + reason);
            cleanUp();
            return new ScanOutcome.Failed(state, ZapProblem.ZAP_ERROR, reason);
        } finally {
            running = false;
        }
    }

    /** Stops the spider or active scan in ZAP and ends {@link #run()} as CANCELLED; also works when not running. */
    public void cancel() {
        calls.cancel();
        if (!running) {
            stopZapScans();
        }
    }

    private void setUp() {
        String name = state.name();
        if (resumed) {
            bestEffort("context/action/removeContext", () -> api.context.removeContext(name));
            bestEffort("replacer/action/removeRule", () -> api.replacer.removeRule(name));
        }
        int contextId = call("context/action/newContext", () -> ZapApi.number(api.context.newContext(name)));
        for (String regex : request.context().includes()) {
            call("context/action/includeInContext", () -> api.context.includeInContext(name, regex));
        }
        for (String regex : request.context().excludes()) {
            call("context/action/excludeFromContext", () -> api.context.excludeFromContext(name, regex));
        }
        if (request.authentication().orElse(null) instanceof Authentication.HeaderToken token) {
            // only on requests to the scan's own URLs, so the token never goes to another host
            List<String> includes = request.context().includes();
            String inScope = includes.size() == 1 ? includes.get(0) : "(?:" + String.join(")|(?:", includes) + ")";
            call("replacer/action/addRule", () -> api.replacer.addRule(name, "true", "REQ_HEADER", "false",
                    token.header(), token.value(), null, inScope));
        }
        if (request.authentication().orElse(null) instanceof Authentication.FormLogin login) {
            formLogin(contextId, login);
        }
        update(state.withContextId(contextId).in(ScanPhase.SPIDER));
    }

    /** Form-based authentication for the context, one user with the credentials, forced for the whole scan. */
    private void formLogin(int contextId, Authentication.FormLogin login) {
        String context = Integer.toString(contextId);
        call("authentication/action/setAuthenticationMethod", () -> api.authentication.setAuthenticationMethod(context,
                "formBasedAuthentication", login.methodParameters()));
        login.loggedInIndicator().ifPresent(regex -> call("authentication/action/setLoggedInIndicator",
                () -> api.authentication.setLoggedInIndicator(context, regex)));
        login.loggedOutIndicator().ifPresent(regex -> call("authentication/action/setLoggedOutIndicator",
                () -> api.authentication.setLoggedOutIndicator(context, regex)));
        String user = call("users/action/newUser", () -> ZapApi.value(api.users.newUser(context, state.name())));
        call("users/action/setAuthenticationCredentials", () -> api.users.setAuthenticationCredentials(context, user,
                login.credentialParameters()));
        call("users/action/setUserEnabled", () -> api.users.setUserEnabled(context, user, "true"));
        call("forcedUser/action/setForcedUser", () -> api.forcedUser.setForcedUser(context, user));
        call("forcedUser/action/setForcedUserModeEnabled", () -> api.forcedUser.setForcedUserModeEnabled(true));
    }

    private void spider() {
        String target = request.target().toString();
        if (state.spiderScanId().isEmpty()) {
            String id = call("spider/action/scan", () -> ZapApi.value(api.spider.scan(target, null, "true", state.name(), null)));
            update(state.withSpiderScanId(id));
        }
        String id = state.spiderScanId().orElseThrow();
        poll(ScanPhase.SPIDER, "spider/view/status", () -> ZapApi.number(api.spider.status(id)));
        boolean ajax = request.ajaxSpider() && call("ajaxSpider/view/status", this::ajaxSpiderPresent);
        if (ajax) {
            call("ajaxSpider/action/scan", () -> api.ajaxSpider.scan(target, null, state.name(), null));
        }
        update(state.in(ajax ? ScanPhase.AJAX_SPIDER : ScanPhase.PASSIVE_SCAN));
    }

    private void ajaxSpider() {
        poll(ScanPhase.AJAX_SPIDER, "ajaxSpider/view/status",
                () -> "stopped".equals(ZapApi.value(api.ajaxSpider.status())) ? 100 : 0);
        update(state.in(ScanPhase.PASSIVE_SCAN));
    }

    private boolean ajaxSpiderPresent() throws ClientApiException {
        try {
            api.ajaxSpider.status();
            return true;
        } catch (ZapCallFailed e) {
            if (e.problem() != ZapProblem.ZAP_ERROR) {
                throw e;
            }
            log(Level.INFO, "the AJAX spider add-on is not in this ZAP (" + e.getMessage() + "); skipped");
            return false;
        }
    }

    private void passiveScan() {
        int[] most = {0};
        poll(ScanPhase.PASSIVE_SCAN, "pscan/view/recordsToScan", () -> {
            int left = ZapApi.number(api.pscan.recordsToScan());
            most[0] = Math.max(most[0], left);
            return left == 0 ? 100 : (int) ((most[0] - left) * 100L / most[0]);
        });
        update(state.in(ScanPhase.ACTIVE_SCAN));
    }

    private void activeScan() {
        if (state.activeScanId().isEmpty()) {
            String id = call("ascan/action/scan", () -> ZapApi.value(api.ascan.scan(request.target().toString(), "true", null,
                    request.policy().orElse(null), null, null, state.contextId().orElse(null))));
            update(state.withActiveScanId(id));
        }
        String id = state.activeScanId().orElseThrow();
        poll(ScanPhase.ACTIVE_SCAN, "ascan/view/status", () -> ZapApi.number(api.ascan.status(id)));
        update(state.in(ScanPhase.REPORT));
    }

    @SuppressWarnings("deprecation") // core/other/jsonreport: the report add-on's 'generate' writes on ZAP's host
    private void report() {
        listener.progress(new ScanProgress(ScanPhase.REPORT, 0));
        byte[] json = call("core/other/jsonreport", () -> api.core.jsonreport());
        if (!ReportFile.looksLikeJsonReport(json)) {
            throw calls.failed(ZapProblem.REPORT_UNUSABLE, "ZAP's core/other/jsonreport answer is not a JSON report");
        }
        try {
            ReportFile.write(request.reportFile(), json);
        } catch (IOException e) {
            throw calls.failed(ZapProblem.REPORT_UNUSABLE, "cannot write the report to " + request.reportFile() + ": " + e);
        }
        listener.progress(new ScanProgress(ScanPhase.REPORT, 100));
        update(state.in(ScanPhase.DONE));
    }

    private void poll(ScanPhase phase, String endpoint, ZapCall<Integer> percent) {
        int last = 0;
        listener.progress(new ScanProgress(phase, 0));
        while (true) {
            calls.checkpoint();
            int now = Math.max(last, Math.min(100, call(endpoint, percent)));
            if (now > last) {
                listener.progress(new ScanProgress(phase, now));
                last = now;
            }
            if (now >= 100) {
                return;
            }
            calls.pause();
        }
    }

    private void stopZapScans() {
        ScanState now = state;
        switch (now.phase()) {
            case SPIDER -> now.spiderScanId().ifPresent(id -> bestEffort("spider/action/stop", () -> api.spider.stop(id)));
            case AJAX_SPIDER -> bestEffort("ajaxSpider/action/stop", () -> api.ajaxSpider.stop());
            case ACTIVE_SCAN -> now.activeScanId().ifPresent(id -> bestEffort("ascan/action/stop", () -> api.ascan.stop(id)));
            default -> { }
        }
    }

    private void cleanUp() {
        if (request.authentication().orElse(null) instanceof Authentication.HeaderToken) {
            bestEffort("replacer/action/removeRule", () -> api.replacer.removeRule(state.name()));
        }
        if (request.authentication().orElse(null) instanceof Authentication.FormLogin) {
            // the context holds the user and its credentials: none stays in ZAP after the scan
            bestEffort("context/action/removeContext", () -> api.context.removeContext(state.name()));
        }
    }

    private void update(ScanState next) {
        state = next;
        listener.stateChanged(next);
    }

    private <T> T call(String endpoint, ZapCall<T> zapCall) {
        return calls.call(endpoint, zapCall);
    }

    private void bestEffort(String endpoint, ZapCall<?> zapCall) {
        calls.bestEffort(endpoint, zapCall);
    }

    private void log(Level level, String message) {
        calls.log(level, message);
    }
}
