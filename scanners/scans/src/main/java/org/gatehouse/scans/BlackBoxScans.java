package org.gatehouse.scans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.findings.importing.ImportRequest;
import org.gatehouse.findings.importing.ImportStatus;
import org.gatehouse.findings.importing.ReportImports;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.identity.secondfactor.SecretBox;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.scanner.core.intake.StoredReport;
import org.gatehouse.scanner.zapdriver.ApiKey;
import org.gatehouse.scanner.zapdriver.Authentication;
import org.gatehouse.scanner.zapdriver.BlackBoxScan;
import org.gatehouse.scanner.zapdriver.ConnectionCheck;
import org.gatehouse.scanner.zapdriver.ScanContext;
import org.gatehouse.scanner.zapdriver.ScanListener;
import org.gatehouse.scanner.zapdriver.ScanOutcome;
import org.gatehouse.scanner.zapdriver.ScanPhase;
import org.gatehouse.scanner.zapdriver.ScanProgress;
import org.gatehouse.scanner.zapdriver.ScanRequest;
import org.gatehouse.scanner.zapdriver.ScanState;
import org.gatehouse.scanner.zapdriver.ZapConnection;
import org.gatehouse.scanner.zapdriver.ZapSettings;
import org.gatehouse.workflow.release.Release;

/**
 * Black-box scans of the running product through an OWASP ZAP daemon (B.1.3.1-ig, B.1.4.1): ZAP's
 * address and API key come from configuration ({@code gatehouse.zap.url}, {@code .api-key}); each
 * scan's request and ZAP's resumable state are kept on its row, so a restart resumes polling
 * instead of losing the scan; the alerts end as the release's {@code zap} findings through the
 * import pipeline. An authentication header's value and a form login's credentials are stored only sealed.
 */
@ApplicationScoped
public class BlackBoxScans {
    private static final Logger LOG = Logger.getLogger(BlackBoxScans.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "gatehouse.zap.url")
    Optional<String> zapUrl;

    @Inject
    @ConfigProperty(name = "gatehouse.zap.api-key")
    Optional<String> zapKey;

    @Inject
    ReportImports imports;

    @Inject
    AuditTrail audit;

    @Inject
    SecretBox secrets;

    @Inject
    ScanSettings settings;

    @Inject
    Clock clock;

    @Inject
    ScanTable table;

    private ThreadPoolExecutor executor;
    private final Map<ScanId, BlackBoxScan> running = new ConcurrentHashMap<>();
    private final Map<ScanId, ScanStatus.Progress> progress = new ConcurrentHashMap<>();
    private final java.util.Set<ScanId> cancelled = ConcurrentHashMap.newKeySet();

    /** What to scan and how; at most one of header token and form login. */
    public record Target(URI url, List<String> includes, List<String> excludes, Optional<String> headerName,
            Optional<String> headerValue, boolean ajaxSpider, Optional<String> policy, Duration timeout,
            Optional<Authentication.FormLogin> formLogin) {
        public Target {
            if (formLogin.isPresent() && headerValue.isPresent()) {
                throw new ScanErrors.InvalidTarget("scan.one-authentication");
            }
        }
    }

    /** ZAP's form login for a target, or the refusal of what ZAP could not use (never with the credentials). */
    public static Authentication.FormLogin formLogin(String loginUrl, String loginRequestData, String username,
            String password, Optional<String> loggedIn, Optional<String> loggedOut) {
        try {
            return new Authentication.FormLogin(URI.create(loginUrl), loginRequestData, username, password, loggedIn,
                    loggedOut);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ScanErrors.InvalidTarget("scan.form-login-invalid");
        }
    }

    @PostConstruct
    void start() {
        // ZAP does the work; Gatehouse only polls: a few scans may run at once
        executor = new ThreadPoolExecutor(4, 4, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), threads);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow(); // the scans go on in ZAP; the next start resumes polling them
    }

    /** Whether ZAP answers, which version, or why not (never with the API key in it). */
    public ConnectionCheck check(Actor actor) {
        if (!actor.mayInSomeProject(Permission.FINDING_IMPORT)) {
            throw new AccessDenied(Permission.FINDING_IMPORT);
        }
        return ZapConnection.check(zap());
    }

    /** Queues a black-box scan of the release's running product; returns its id. */
    public ScanId start(Actor actor, Release release, Target target, WhiteBoxScans.Origin origin) {
        if (!actor.may(Permission.FINDING_IMPORT, release.project())) {
            throw new AccessDenied(Permission.FINDING_IMPORT);
        }
        ZapSettings zap = zap();
        new ImportRequest("zap", origin.category(), origin.commit(), origin.build()); // validates the origin
        ScanRequest request = request(target, settings.workDir().resolve("zap-" + UUID.randomUUID() + ".json"));
        ScanId id = new ScanId(Uuid7.next(clock));
        // the header value, or the form login's credentials as JSON: only sealed, bound to the scan
        byte[] sealed = target.headerValue().or(() -> target.formLogin().map(BlackBoxScans::credentials))
                .map(v -> secrets.seal(v.getBytes(StandardCharsets.UTF_8), "scan:" + id)).orElse(null);
        table.update("INSERT INTO scan (id, project_key, release_id, kind, state, category, commit_sha, build_id, requested_by,"
                + " created_at, target_url, zap_request, auth_sealed) VALUES (?, ?, ?, 'BLACK_BOX', 'QUEUED', ?, ?, ?, ?, ?,"
                + " ?, ?, ?)", id.value(), release.project().value(), release.id().value(), origin.category(),
                origin.commit().orElse(null), origin.build().orElse(null), actor.name(), UtcTime.now(clock),
                target.url().toString(), describe(target), sealed);
        audit.recordAlone(actor, AuditEntry.success("scan.queued", "scan:" + id, "black-box scan of " + target.url()
                + " for release " + release.id()));
        executor.execute(() -> run(id, actor, release, zap, request, Optional.empty()));
        return id;
    }

    /** At start: black-box scans that were running go on (ZAP kept scanning); queued ones start. */
    public int resumeInterrupted(java.util.function.Function<UUID, Optional<Release>> releases) {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT id, release_id,"
                + " requested_by, target_url, zap_request, zap_state, auth_sealed FROM scan"
                + " WHERE kind = 'BLACK_BOX' AND state IN ('QUEUED', 'RUNNING')"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new Object[] {r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                        r.getString(4), r.getString(5), r.getString(6), r.getBytes(7)});
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read interrupted scans", e);
        }
        int resumed = 0;
        for (Object[] row : rows) {
            ScanId id = new ScanId((UUID) row[0]);
            Optional<Release> release = releases.apply((UUID) row[1]);
            if (release.isEmpty() || zapUrl.filter(u -> !u.isBlank()).isEmpty()) {
                table.finish(id, "FAILED", Optional.of("the scan cannot resume: ZAP is not configured"));
                continue;
            }
            try {
                Target target = target(URI.create((String) row[3]), JSON.readTree((String) row[4]),
                        Optional.ofNullable((byte[]) row[6]).map(b -> new String(secrets.open(b, "scan:" + id),
                                StandardCharsets.UTF_8)));
                ScanRequest request = request(target, settings.workDir().resolve("zap-" + UUID.randomUUID() + ".json"));
                Optional<ScanState> state = Optional.ofNullable((String) row[5]).map(BlackBoxScans::state);
                Actor actor = Actor.system("resumed-scan:" + row[2]);
                executor.execute(() -> run(id, actor, release.get(), zap(), request, state));
                resumed++;
            } catch (IOException | RuntimeException e) {
                table.finish(id, "FAILED", Optional.of("the scan cannot resume: " + e.getClass().getSimpleName()));
            }
        }
        return resumed;
    }

    void cancelRunning(ScanId id) {
        cancelled.add(id);
        Optional.ofNullable(running.get(id)).ifPresent(BlackBoxScan::cancel);
    }

    Optional<ScanStatus.Progress> progress(ScanId id) {
        return Optional.ofNullable(progress.get(id));
    }

    private void run(ScanId id, Actor actor, Release release, ZapSettings zap, ScanRequest request,
            Optional<ScanState> resume) {
        try {
            if (table.update("UPDATE scan SET state = 'RUNNING', started_at = COALESCE(started_at, ?) WHERE id = ?"
                    + " AND state IN ('QUEUED', 'RUNNING')", UtcTime.now(clock), id.value()) == 0) {
                return; // cancelled while queued
            }
            ScanListener listener = new ScanListener() {
                @Override
                public void progress(ScanProgress p) {
                    progress.put(id, new ScanStatus.Progress(overall(p), 100));
                }

                @Override
                public void stateChanged(ScanState state) {
                    table.update("UPDATE scan SET zap_state = ? WHERE id = ?", describe(state), id.value());
                }
            };
            BlackBoxScan scan = resume.map(s -> BlackBoxScan.resume(s, zap, request, listener))
                    .orElseGet(() -> BlackBoxScan.create(zap, request, listener));
            running.put(id, scan);
            if (cancelled.contains(id)) {
                scan.cancel(); // asked for before the scan was registered: it ends at once
            }
            ScanOutcome outcome = scan.run();
            running.remove(id);
            if (outcome instanceof ScanOutcome.Completed completed) {
                ImportStatus imported = imports.submit(actor, release, new ImportRequest("zap", categoryOf(id),
                        Optional.empty(), Optional.empty()), stored(completed.report()), Duration.ofHours(1));
                table.update("UPDATE scan SET import_id = ? WHERE id = ?", imported.id().value(), id.value());
                table.finish(id, imported.status().equals("COMPLETED") ? "SUCCEEDED" : "FAILED",
                        imported.errorDetail().map(d -> "the ZAP report could not be imported: " + d));
            } else if (outcome instanceof ScanOutcome.Failed failed) {
                table.finish(id, "FAILED", Optional.of(failed.reason()));
            } else {
                table.finish(id, outcome instanceof ScanOutcome.TimedOut ? "TIMED_OUT" : "CANCELLED", Optional.empty());
            }
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.WARNING, "black-box scan " + id + " failed", e);
            table.finish(id, "FAILED", Optional.of("the scan could not run: " + e.getClass().getSimpleName()));
        } finally {
            running.remove(id);
            progress.remove(id);
            cancelled.remove(id);
        }
    }

    /** One figure from ZAP's phases: spider to 30 %, passive scan to 40 %, active scan to 95 %, report to 100 %. */
    static int overall(ScanProgress p) {
        return switch (p.phase()) {
            case SETUP -> 0;
            case SPIDER, AJAX_SPIDER -> p.percent() * 30 / 100;
            case PASSIVE_SCAN -> 30 + p.percent() / 10;
            case ACTIVE_SCAN -> 40 + p.percent() * 55 / 100;
            case REPORT -> 95 + p.percent() / 20;
            case DONE -> 100;
        };
    }

    private ZapSettings zap() {
        String url = zapUrl.filter(u -> !u.isBlank()).orElseThrow(() -> new ScanErrors.Unavailable("scan.zap-unavailable"));
        return ZapSettings.of(URI.create(url), new ApiKey(zapKey.orElse("")));
    }

    private static ScanRequest request(Target target, Path report) {
        ScanContext context = target.includes().isEmpty() ? ScanContext.under(target.url())
                : new ScanContext(target.includes(), target.excludes());
        ScanRequest request = ScanRequest.of(target.url(), report).withContext(context).withTimeout(target.timeout());
        if (target.headerName().isPresent() && target.headerValue().isPresent()) {
            request = request.withAuthentication(new Authentication.HeaderToken(target.headerName().get(),
                    target.headerValue().get()));
        }
        if (target.formLogin().isPresent()) {
            request = request.withAuthentication(target.formLogin().get());
        }
        if (target.ajaxSpider()) {
            request = request.withAjaxSpider();
        }
        return target.policy().map(request::withPolicy).orElse(request);
    }

    private static String describe(Target target) {
        ObjectNode node = JSON.createObjectNode();
        node.putPOJO("includes", target.includes());
        node.putPOJO("excludes", target.excludes());
        target.headerName().ifPresent(h -> node.put("headerName", h));
        node.put("ajaxSpider", target.ajaxSpider());
        target.policy().ifPresent(p -> node.put("policy", p));
        node.put("timeoutSeconds", target.timeout().toSeconds());
        target.formLogin().ifPresent(login -> {
            ObjectNode form = node.putObject("formLogin").put("loginUrl", login.loginUrl().toString())
                    .put("loginRequestData", login.loginRequestData());
            login.loggedInIndicator().ifPresent(r -> form.put("loggedInIndicator", r));
            login.loggedOutIndicator().ifPresent(r -> form.put("loggedOutIndicator", r));
        });
        return node.toString();
    }

    private static String credentials(Authentication.FormLogin login) {
        return JSON.createObjectNode().put("username", login.username()).put("password", login.password()).toString();
    }

    private static Target target(URI url, JsonNode node, Optional<String> sealed) throws IOException {
        JsonNode form = node.path("formLogin");
        if (!form.isObject()) {
            return target(url, node, sealed, Optional.empty());
        }
        JsonNode credentials = JSON.readTree(sealed.orElseThrow(() -> new IOException("form login without credentials")));
        return target(url, node, Optional.empty(), Optional.of(formLogin(form.path("loginUrl").asText(),
                form.path("loginRequestData").asText(), credentials.path("username").asText(),
                credentials.path("password").asText(), Optional.ofNullable(form.path("loggedInIndicator").textValue()),
                Optional.ofNullable(form.path("loggedOutIndicator").textValue()))));
    }

    private static Target target(URI url, JsonNode node, Optional<String> headerValue,
            Optional<Authentication.FormLogin> formLogin) {
        List<String> includes = new ArrayList<>();
        node.path("includes").forEach(n -> includes.add(n.asText()));
        List<String> excludes = new ArrayList<>();
        node.path("excludes").forEach(n -> excludes.add(n.asText()));
        return new Target(url, includes, excludes, Optional.ofNullable(node.path("headerName").textValue()), headerValue,
                node.path("ajaxSpider").asBoolean(), Optional.ofNullable(node.path("policy").textValue()),
                Duration.ofSeconds(node.path("timeoutSeconds").asLong(3600)), formLogin);
    }

    private static String describe(ScanState state) {
        ObjectNode node = JSON.createObjectNode().put("name", state.name()).put("phase", state.phase().name())
                .put("deadline", state.deadline().toString());
        state.contextId().ifPresent(c -> node.put("contextId", c));
        state.spiderScanId().ifPresent(s -> node.put("spiderScanId", s));
        state.activeScanId().ifPresent(s -> node.put("activeScanId", s));
        return node.toString();
    }

    private static ScanState state(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return new ScanState(node.get("name").asText(), ScanPhase.valueOf(node.get("phase").asText()),
                    node.has("contextId") ? Optional.of(node.get("contextId").asInt()) : Optional.empty(),
                    Optional.ofNullable(node.path("spiderScanId").textValue()),
                    Optional.ofNullable(node.path("activeScanId").textValue()), Instant.parse(node.get("deadline").asText()));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable ZAP scan state", e);
        }
    }

    private String categoryOf(ScanId id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT category FROM scan WHERE id = ?")) {
            s.setObject(1, id.value());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : "black-box";
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the scan", e);
        }
    }

    private static StoredReport stored(Path report) throws IOException {
        try {
            byte[] bytes = Files.readAllBytes(report);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return new StoredReport(report, "zap.json", "zap.json", StoredReport.Compression.NONE, bytes.length,
                    bytes.length, sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

}
