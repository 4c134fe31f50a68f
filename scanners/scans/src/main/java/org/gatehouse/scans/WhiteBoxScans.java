package org.gatehouse.scans;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.gatehouse.findings.importing.ImportRequest;
import org.gatehouse.findings.importing.ImportStatus;
import org.gatehouse.findings.importing.ReportImports;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.scanner.core.intake.StoredReport;
import org.gatehouse.scanner.worker.ScanRequest;
import org.gatehouse.scanner.worker.ScanResult;
import org.gatehouse.scanner.worker.WhiteBoxScan;
import org.gatehouse.scanner.worker.WorkerSettings;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.release.Release;

/**
 * White-box scans of uploaded artifacts (B.1.3.1-if, B.1.4.1): queued (at most
 * {@code gatehouse.scan.workers} at once), each in a worker JVM of its own, followed live,
 * cancellable, and ended by importing the SpotBugs report into the release through the findings
 * pipeline, so a scan's findings are tracked like any imported ones. The artifact's SHA-256 stays
 * with the scan. Who may import into a release may scan it. Reading and cancelling serve both kinds
 * of scan ({@link BlackBoxScans} runs the black-box ones).
 */
@ApplicationScoped
public class WhiteBoxScans {
    private static final Logger LOG = Logger.getLogger(WhiteBoxScans.class.getName());
    private static final int QUEUE = 20;

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    ScanSettings settings;

    @Inject
    ReportImports imports;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    ScanTable table;

    @Inject
    BlackBoxScans blackBox;

    private ThreadPoolExecutor executor;
    private final Map<ScanId, WhiteBoxScan> running = new ConcurrentHashMap<>();
    private final Map<ScanId, ScanStatus.Progress> progress = new ConcurrentHashMap<>();
    /** Cancellations asked for while a scan was between "running" and its worker's start. */
    private final java.util.Set<ScanId> cancelled = ConcurrentHashMap.newKeySet();

    /** What the client says about the artifact's origin; the report is imported under this scope. */
    public record Origin(String category, Optional<String> commit, Optional<String> build) {
    }

    /**
     * Besides the artifact: its dependency jars (the auxiliary classpath), for a server path where it was read, and
     * the rules the scan reports by.
     */
    public record Inputs(List<Path> dependencies, Optional<Path> serverPath, ScanRules rules) {
        public static final int MAX_DEPENDENCIES = 500;

        public Inputs {
            dependencies = List.copyOf(dependencies);
            java.util.Objects.requireNonNull(rules, "rules");
        }

        public static Inputs upload(ScanRules rules) {
            return new Inputs(List.of(), Optional.empty(), rules);
        }
    }

    @PostConstruct
    void start() {
        executor = new ThreadPoolExecutor(settings.workers(), settings.workers(), 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(QUEUE), threads);
    }

    @PreDestroy
    void stop() {
        running.values().forEach(WhiteBoxScan::cancel);
        executor.shutdownNow();
    }

    /** The release the actor may scan, checked before the artifact is read; also that scans can run here. */
    public Release authorize(Actor actor, Release release) {
        if (!actor.may(Permission.FINDING_IMPORT, release.project())) {
            throw new AccessDenied(Permission.FINDING_IMPORT);
        }
        if (settings.worker().isEmpty()) {
            throw new ScanErrors.Unavailable("scan.unavailable");
        }
        return release;
    }

    /**
     * Queues a scan of an artifact on the server (CI agents that share storage): the artifact and its dependency jars
     * are named by path under {@code gatehouse.scan.path-roots} ({@link ScanPathRoots}); the artifact is copied with
     * its SHA-256 exactly like an upload, so the scanned bytes are the hashed ones whatever happens to the file later.
     */
    public ScanStatus startFromPath(Actor actor, Release release, String artifactPath, List<String> dependencyPaths,
            ScanRules rules, Origin origin) {
        authorize(actor, release);
        ScanPathRoots roots = settings.pathRoots();
        Path artifact = roots.resolve(artifactPath, ScanPathRoots.ARTIFACTS);
        if (dependencyPaths.size() > Inputs.MAX_DEPENDENCIES) {
            throw new ScanPathRoots.Refused("scan.too-many-dependencies", Inputs.MAX_DEPENDENCIES);
        }
        List<Path> dependencies = dependencyPaths.stream().map(p -> roots.resolve(p, ScanPathRoots.DEPENDENCIES))
                .distinct().toList();
        StoredArtifact stored;
        try {
            if (Files.size(artifact) > settings.maxArtifactBytes()) {
                throw new StoredArtifact.Refused(org.gatehouse.platform.error.ProblemType.PAYLOAD_TOO_LARGE,
                        "artifact.too-large", settings.maxArtifactBytes() / (1024 * 1024));
            }
            try (InputStream in = Files.newInputStream(artifact, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                stored = StoredArtifact.receive(in, artifact.getFileName().toString(), settings.maxArtifactBytes(),
                        settings.workDir());
            }
        } catch (IOException e) {
            throw new ScanPathRoots.Refused("scan.path-refused", artifactPath);
        }
        return start(actor, release, stored, new Inputs(dependencies, Optional.of(artifact), rules), origin);
    }

    /** Queues a scan of a received artifact with its inputs; the artifact file now belongs to the scan. */
    public ScanStatus start(Actor actor, Release release, StoredArtifact artifact, Inputs inputs, Origin origin) {
        try {
            WorkerSettings worker = settings.worker().orElseThrow(() -> new ScanErrors.Unavailable("scan.unavailable"));
            new ImportRequest("spotbugs", origin.category(), origin.commit(), origin.build()); // validates the origin
            ScanId id = new ScanId(Uuid7.next(clock));
            table.update("INSERT INTO scan (id, project_key, release_id, kind, state, artifact_name, artifact_bytes,"
                    + " artifact_sha256, category, commit_sha, build_id, requested_by, created_at, artifact_path,"
                    + " dependency_count, rules) VALUES (?, ?, ?, 'WHITE_BOX', 'QUEUED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id.value(),
                    release.project().value(), release.id().value(), artifact.name(), artifact.bytes(), artifact.sha256(),
                    origin.category(), origin.commit().orElse(null), origin.build().orElse(null), actor.name(),
                    UtcTime.now(clock), inputs.serverPath().map(Path::toString).orElse(null), inputs.dependencies().size(),
                    inputs.rules().toJson());
            audit.recordAlone(actor, AuditEntry.success("scan.queued", "scan:" + id, "white-box scan of "
                    + inputs.serverPath().map(Path::toString).orElse(artifact.name()) + " (sha256 " + artifact.sha256()
                    + ", " + inputs.dependencies().size() + " dependencies, rules " + inputs.rules().toJson()
                    + ") for release " + release.id()));
            try {
                executor.execute(() -> run(id, actor, release, artifact, inputs, origin, worker));
            } catch (RejectedExecutionException e) {
                table.finish(id, "FAILED", Optional.of("the scan queue is full"));
                throw new ScanErrors.Unavailable("scan.queue-full", QUEUE);
            }
            return read(id).orElseThrow();
        } catch (RuntimeException e) {
            artifact.close();
            throw e;
        }
    }

    /** Stops a queued or running scan. */
    public ScanStatus cancel(Actor actor, String id) {
        ScanStatus status = status(actor, id, Permission.FINDING_IMPORT);
        if (status.finished()) {
            throw new ScanErrors.Finished(status.state());
        }
        if (status.kind().equals("WHITE_BOX")) {
            cancelled.add(status.id());
            Optional.ofNullable(running.get(status.id())).ifPresent(WhiteBoxScan::cancel);
        } else {
            blackBox.cancelRunning(status.id());
        }
        table.update("UPDATE scan SET state = 'CANCELLED', finished_at = ?, row_version = row_version + 1"
                + " WHERE id = ? AND state = 'QUEUED'", UtcTime.now(clock), status.id().value());
        audit.recordAlone(actor, AuditEntry.success("scan.cancelled", "scan:" + id, "cancelled"));
        return read(status.id()).orElseThrow();
    }

    /** A scan, to those who may read findings of its project. */
    public ScanStatus status(Actor actor, String id) {
        return status(actor, id, Permission.FINDING_READ);
    }

    /** Scans left queued or running by a stopped server cannot go on: their worker and files are gone. */
    public int failInterrupted() {
        return table.update("UPDATE scan SET state = 'FAILED', finished_at = now(), error_detail = 'the server stopped"
                + " before the scan ended; start it again' WHERE kind = 'WHITE_BOX' AND state IN ('QUEUED', 'RUNNING')");
    }

    private ScanStatus status(Actor actor, String id, Permission permission) {
        Optional<ScanStatus> status = ScanId.parse(id).flatMap(this::read);
        boolean allowed = status.isPresent() ? actor.may(permission, new ProjectKey(status.get().project()))
                : actor.mayInSomeProject(permission);
        if (!allowed) {
            throw new AccessDenied(permission);
        }
        return status.orElseThrow(() -> new ScanErrors.NotFound(id));
    }

    private void run(ScanId id, Actor actor, Release release, StoredArtifact artifact, Inputs inputs, Origin origin,
            WorkerSettings worker) {
        Path filters = null;
        try (artifact) {
            if (table.update("UPDATE scan SET state = 'RUNNING', started_at = ? WHERE id = ? AND state = 'QUEUED'",
                    UtcTime.now(clock), id.value()) == 0) {
                return; // cancelled while queued
            }
            Path report = settings.workDir().resolve("spotbugs-" + id + ".xml");
            filters = settings.workDir().resolve("filters-" + id);
            WhiteBoxScan scan = new WhiteBoxScan(new ScanRequest(List.of(artifact.path()), inputs.dependencies(), report,
                    inputs.rules().toRuleSet(filters)), worker);
            running.put(id, scan);
            if (cancelled.contains(id)) {
                table.finish(id, "CANCELLED", Optional.empty());
                return;
            }
            ScanResult result = scan.run(p -> progress.put(id, new ScanStatus.Progress(p.done(), p.total())));
            running.remove(id);
            if (cancelled.contains(id)) {
                result.report().ifPresent(r -> r.toFile().delete());
                table.finish(id, "CANCELLED", Optional.empty());
                return;
            }
            table.update("UPDATE scan SET classes_analysed = ?, bug_count = ? WHERE id = ?", result.classesAnalysed(),
                    result.bugCount(), id.value());
            if (!result.succeeded()) {
                table.finish(id, result.outcome().name(), result.error().or(() -> Optional.of(result.outcome().name())));
                return;
            }
            ImportStatus imported = imports.submit(actor, release, new ImportRequest("spotbugs", origin.category(),
                    origin.commit(), origin.build()), stored(result.report().orElseThrow(), artifact.name()),
                    Duration.ofHours(1));
            table.update("UPDATE scan SET import_id = ? WHERE id = ?", imported.id().value(), id.value());
            table.finish(id, imported.status().equals("COMPLETED") ? "SUCCEEDED" : "FAILED",
                    imported.errorDetail().map(d -> "the report could not be imported: " + d));
        } catch (RuntimeException | IOException | LinkageError e) {
            // a LinkageError too: a scan must never stay RUNNING because a class is missing from the server
            LOG.log(Level.WARNING, "white-box scan " + id + " failed", e);
            table.finish(id, "FAILED", Optional.of("the scan could not run: " + e.getClass().getSimpleName()));
        } finally {
            running.remove(id);
            progress.remove(id);
            cancelled.remove(id);
            deleteFilters(filters);
        }
    }

    private static void deleteFilters(Path filters) {
        if (filters == null) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(filters)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(filters);
        } catch (IOException e) {
            // the work directory is temporary
        }
    }

    private static StoredReport stored(Path report, String artifactName) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(report), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            String sha = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            long size = Files.size(report);
            return new StoredReport(report, artifactName + ".spotbugs.xml", "spotbugs.xml", StoredReport.Compression.NONE,
                    size, size, sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The scans of a release, newest first (at most 100). */
    public List<ScanStatus> listOf(Actor actor, Release release) {
        if (!actor.may(Permission.FINDING_READ, release.project())) {
            throw new AccessDenied(Permission.FINDING_READ);
        }
        return query("WHERE release_id = ? ORDER BY id DESC LIMIT 100", release.id().value());
    }

    Optional<ScanStatus> read(ScanId id) {
        return query("WHERE id = ?", id.value()).stream().findFirst();
    }

    private List<ScanStatus> query(String where, Object... parameters) {
        List<ScanStatus> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT id, project_key,"
                + " release_id, kind, state, artifact_name, artifact_bytes, artifact_sha256, requested_by, created_at,"
                + " started_at, finished_at, classes_analysed, bug_count, import_id, error_detail, artifact_path,"
                + " dependency_count, rules FROM scan " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ScanId id = new ScanId(r.getObject(1, UUID.class));
                    result.add(new ScanStatus(id, r.getString(2), r.getObject(3, UUID.class), r.getString(4),
                            r.getString(5), r.getString(6), r.getLong(7), r.getString(8), r.getString(9),
                            r.getObject(10, OffsetDateTime.class), Optional.ofNullable(r.getObject(11, OffsetDateTime.class)),
                            Optional.ofNullable(r.getObject(12, OffsetDateTime.class)), number(r, 13), number(r, 14),
                            Optional.ofNullable(r.getObject(15, UUID.class)), Optional.ofNullable(r.getString(16)),
                            Optional.ofNullable(progress.get(id)).or(() -> blackBox.progress(id)),
                            Optional.ofNullable(r.getString(17)), number(r, 18),
                            Optional.ofNullable(r.getString(19)).map(ScanRules::fromJson)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read scans", e);
        }
        return result;
    }

    private static OptionalInt number(ResultSet r, int column) throws SQLException {
        int value = r.getInt(column);
        return r.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
    }

}
