package org.gatehouse.findings.importing;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.paging.InvalidCursor;
import org.gatehouse.platform.paging.Page;
import org.gatehouse.platform.paging.PageCursor;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.scanner.api.ComponentReporter;
import org.gatehouse.scanner.api.ScannerPlugin;
import org.gatehouse.scanner.core.ScannerRegistry;
import org.gatehouse.scanner.core.intake.StoredReport;
import org.gatehouse.workflow.project.Project;
import org.gatehouse.workflow.project.ProjectRepository;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.Releases;

/**
 * The import boundary: who may import into a release, queueing a received report, and reading an
 * import's status. The work itself is the {@link ImportPipeline}'s: in the background for a received
 * report, or on the receiving thread while the upload arrives ({@link #stream}).
 */
@ApplicationScoped
public class ReportImports {
    private final ScannerRegistry registry = ScannerRegistry.load(ReportImports.class.getClassLoader());

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @Inject
    Releases releases;

    @Inject
    ProjectRepository projects;

    @Inject
    ImportQueue queue;

    @Inject
    ImportPipeline pipeline;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "gatehouse.import.stream", defaultValue = "true")
    boolean streaming;

    @Inject
    ImportProgress progress;

    @Inject
    Clock clock;

    /** The release the actor may import into; checked before a byte of the upload is read. */
    public Release authorize(Actor actor, String releaseId) {
        Release release = releases.get(actor, releaseId);
        if (!actor.may(Permission.FINDING_IMPORT, release.project())) {
            throw new AccessDenied(Permission.FINDING_IMPORT);
        }
        return release;
    }

    /** The plugin for a scanner id, or {@link UnknownScanner}. */
    public ScannerPlugin plugin(String scanner) {
        return registry.find(scanner).orElseThrow(() -> new UnknownScanner(scanner,
                registry.all().stream().map(p -> p.descriptor().id()).collect(Collectors.joining(", "))));
    }

    /**
     * Queues a received report and waits up to {@code wait} for it to finish; the report file now
     * belongs to the import (deleted when it ends, also when queueing fails). The caller has
     * authorised the import ({@link #authorize}); {@code actor} is who the audit trail names.
     */
    public ImportStatus submit(Actor actor, Release release, ImportRequest request, StoredReport report, Duration wait) {
        return submit(actor, release, request, report, wait, id -> { });
    }

    /**
     * The same, telling {@code queued} the import's id as soon as it is queued (before the wait), so
     * that an idempotency key can point at it while it runs.
     */
    public ImportStatus submit(Actor actor, Release release, ImportRequest request, StoredReport report, Duration wait,
            java.util.function.Consumer<ImportId> queued) {
        ScannerPlugin plugin;
        try {
            plugin = plugin(request.scanner());
        } catch (RuntimeException e) {
            report.close();
            throw e;
        }
        return submit(actor, release, request, plugin, report, wait, queued);
    }

    /**
     * The same with a plugin the caller built rather than one of the registry, such as the secrets check
     * with a project's registered keys (C.2, 8.5.2); {@code request.scanner()} must be its id.
     */
    public ImportStatus submit(Actor actor, Release release, ImportRequest request, ScannerPlugin plugin,
            StoredReport report, Duration wait, java.util.function.Consumer<ImportId> queued) {
        try {
            if (!plugin.descriptor().id().equals(request.scanner())) {
                throw new IllegalArgumentException("the request names scanner " + request.scanner() + ", the plugin is "
                        + plugin.descriptor().id());
            }
            ImportJob job = record(new ImportId(Uuid7.next(clock)), actor, release, request, plugin, report);
            ImportId id = job.id();
            CompletableFuture<ImportPipeline.Outcome> outcome;
            try {
                outcome = queue.submit(job);
            } catch (QueueFull e) {
                fail(id, "unavailable", "the import queue is full");
                throw e;
            }
            note(queued, id);
            try {
                outcome.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still running: the client follows GET /imports/{id}
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // recorded on the import's row by the pipeline
            }
            return read(id).orElseThrow(() -> new ImportNotFound(id.toString()));
        } catch (RuntimeException e) {
            report.close();
            throw e;
        }
    }

    /**
     * Starts importing a report while it still arrives, when it may be (ADR 0007 amendment, issue 4): a
     * plugin of the registry that is not a bill of materials (whose components are stored in a pass of
     * their own), and a worker slot free at once; {@code gatehouse.import.stream=false} turns it off. Otherwise
     * the report is received first and queued.
     * The caller parses with {@link ImportPipeline.Streamed#parse}, then {@link #submit(Actor, Release,
     * ImportRequest, StoredReport, ImportPipeline.Streamed, java.util.function.Consumer) submits}, or closes it.
     */
    public Optional<ImportPipeline.Streamed> stream(String scanner, long expectedBytes) {
        return stream(scanner, expectedBytes, Optional.empty());
    }

    /**
     * {@link #stream(String, long)} into a release known before the upload (authorised by the caller): a project's
     * first import of the scanner then also creates its findings while the report arrives.
     */
    public Optional<ImportPipeline.Streamed> stream(String scanner, long expectedBytes, Optional<Release> release) {
        ScannerPlugin plugin = plugin(scanner);
        if (!streaming || plugin instanceof ComponentReporter) {
            return Optional.empty();
        }
        Optional<AutoCloseable> slot = queue.trySlot();
        if (slot.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<KnownRelease> target = release.flatMap(r -> projects.find(r.project())
                    .map(p -> new KnownRelease(r.project(), r.id(), p.details().protectionLevel())));
            return Optional.of(pipeline.begin(new ImportId(Uuid7.next(clock)), plugin, expectedBytes, slot.get(), target));
        } catch (java.sql.SQLException | RuntimeException e) {
            try {
                slot.get().close();
            } catch (Exception again) {
                e.addSuppressed(again);
            }
            java.util.logging.Logger.getLogger(ReportImports.class.getName()).log(java.util.logging.Level.WARNING,
                    "could not start a streamed import; the upload is received first", e);
            return Optional.empty();
        }
    }

    /**
     * Completes a streamed import whose upload has ended (its report now stored, its fields all read):
     * records it and stores its findings on this thread; the report and {@code streamed} belong to this
     * call. {@code queued} learns the import's id before its findings are stored.
     */
    public ImportStatus submit(Actor actor, Release release, ImportRequest request, StoredReport report,
            ImportPipeline.Streamed streamed, java.util.function.Consumer<ImportId> queued) {
        try (streamed) {
            ScannerPlugin plugin = plugin(request.scanner());
            if (!plugin.descriptor().id().equals(streamed.scanner())) {
                throw new IllegalArgumentException("the request names scanner " + request.scanner() + ", the parsed report "
                        + streamed.scanner());
            }
            ImportJob job = record(streamed.id(), actor, release, request, plugin, report);
            note(queued, job.id());
            queue.ended(streamed.complete(job));
            return read(job.id()).orElseThrow(() -> new ImportNotFound(job.id().toString()));
        } catch (RuntimeException e) {
            report.close();
            throw e;
        } catch (Exception e) {
            report.close();
            throw new IllegalStateException("could not end a streamed import", e);
        }
    }

    /** The import's row (queued) and its job; the report belongs to the job. */
    private ImportJob record(ImportId id, Actor actor, Release release, ImportRequest request, ScannerPlugin plugin,
            StoredReport report) {
        // authorised by the caller (authorize(), or a scan that was authorised when it was queued and
        // may finish under a system actor after a restart)
        Project project = projects.find(release.project()).orElseThrow();
        insert(id, release, request, report, actor, UtcTime.now(clock));
        return new ImportJob(id, release.project(), project.details().protectionLevel(), release.id(), plugin,
                request.category(), request.commit(), request.build(), actor, report.source(), report.uncompressedBytes(),
                report);
    }

    private static void note(java.util.function.Consumer<ImportId> queued, ImportId id) {
        try {
            queued.accept(id);
        } catch (RuntimeException e) {
            // the import runs anyway (the report now belongs to it); a retry may then import again
            java.util.logging.Logger.getLogger(ReportImports.class.getName()).log(java.util.logging.Level.WARNING,
                    "could not note the queued import " + id, e);
        }
    }

    /**
     * An import queued by an earlier request (an idempotent retry), once it has finished or after
     * {@code wait}, whichever comes first; to those who may read findings of its project.
     */
    public ImportStatus await(Actor actor, ImportId id, Duration wait) {
        ImportStatus status = status(actor, id.toString());
        long deadline = System.nanoTime() + wait.toNanos();
        while (!status.finished() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            status = read(id).orElseThrow(() -> new ImportNotFound(id.toString()));
        }
        return status;
    }

    /** An import, to those who may read findings of its project. */
    public ImportStatus status(Actor actor, String id) {
        Optional<ImportStatus> status = ImportId.parse(id).flatMap(this::read);
        boolean allowed = status.isPresent()
                ? actor.may(Permission.FINDING_READ, new org.gatehouse.workflow.api.ProjectKey(status.get().project()))
                : actor.mayInSomeProject(Permission.FINDING_READ);
        if (!allowed) {
            throw new AccessDenied(Permission.FINDING_READ);
        }
        return status.orElseThrow(() -> new ImportNotFound(id));
    }

    /** Imports left queued or running by a stopped instance cannot finish: their files are gone. */
    public int failInterrupted() {
        return Jdbc.update(dataSource, "UPDATE report_import SET status = 'FAILED', finished_at = now(),"
                + " error_type = 'interrupted', error_detail = 'the server stopped before the import finished;"
                + " upload the report again' WHERE status IN ('QUEUED', 'RUNNING')");
    }

    private void insert(ImportId id, Release release, ImportRequest request, StoredReport report, Actor actor,
            OffsetDateTime now) {
        Jdbc.update(dataSource, "INSERT INTO report_import (id, project_key, release_id, scanner, category, status,"
                    + " file_name, uploaded_bytes, report_bytes, report_sha256, commit_sha, build_id, branch, pipeline_url,"
                    + " artifact_sha256, requested_by, created_at) VALUES (?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id.value(), release.project().value(), release.id().value(), request.scanner(), request.category(),
                    report.fileName(), report.uploadedBytes(), report.uncompressedBytes(), report.sha256(),
                    request.commit().orElse(null), request.build().orElse(null), request.context().branch().orElse(null),
                    request.context().pipelineUrl().orElse(null), request.context().artifactSha256().orElse(null),
                    actor.name(), now);
    }

    private void fail(ImportId id, String type, String detail) {
        Jdbc.update(dataSource, "UPDATE report_import SET status = 'FAILED', finished_at = now(), error_type = ?,"
                + " error_detail = ? WHERE id = ?", type, detail, id.value());
    }

    private static final String COLUMNS = "SELECT id, project_key, release_id, scanner, category, status, file_name,"
            + " uploaded_bytes, report_bytes, report_sha256, commit_sha, build_id, requested_by, created_at, started_at,"
            + " finished_at, results_read, findings_seen, created_count, unchanged_count, closed_count, reopened_count,"
            + " verified_count, error_type, error_detail, branch, pipeline_url, artifact_sha256 FROM report_import";
    static final String LISTING = "imports";

    /** The imports of a release, newest first (keyset pages by their time-ordered id). */
    public Page<ImportStatus> listOf(Actor actor, String releaseId, Optional<String> cursor, int limit) {
        Release release = releases.get(actor, releaseId);
        if (!actor.may(Permission.FINDING_READ, release.project())) {
            throw new AccessDenied(Permission.FINDING_READ);
        }
        Optional<UUID> before = cursor.map(c -> ImportId.parse(PageCursor.decode(c, LISTING, 1).key(0))
                .orElseThrow(InvalidCursor::new).value());
        List<ImportStatus> rows = query(COLUMNS + " WHERE release_id = ?" + (before.isPresent() ? " AND id < ?" : "")
                + " ORDER BY id DESC LIMIT ?", before.isPresent()
                        ? new Object[] {release.id().value(), before.get(), limit + 1}
                        : new Object[] {release.id().value(), limit + 1});
        return Page.fromOverfetch(rows, limit, last -> PageCursor.of(LISTING, last.id().toString()));
    }

    Optional<ImportStatus> read(ImportId id) {
        return query(COLUMNS + " WHERE id = ?", id.value()).stream().findFirst();
    }

    private List<ImportStatus> query(String sql, Object... parameters) {
        List<ImportStatus> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    result.add(status(r));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read imports", e);
        }
        return result;
    }

    private ImportStatus status(ResultSet r) throws SQLException {
        ImportId id = new ImportId(r.getObject(1, UUID.class));
        String status = r.getString(6);
        Optional<ImportCounts> counts = status.equals("COMPLETED")
                ? Optional.of(new ImportCounts(r.getLong(17), r.getInt(18), r.getInt(19), r.getInt(20), r.getInt(21),
                        r.getInt(22), r.getInt(23)))
                : Optional.empty();
        return new ImportStatus(id, r.getString(2), r.getObject(3, UUID.class), r.getString(4), r.getString(5), status,
                r.getString(7), r.getLong(8), r.getLong(9), r.getString(10), Optional.ofNullable(r.getString(11)),
                Optional.ofNullable(r.getString(12)), r.getString(13), r.getObject(14, OffsetDateTime.class),
                Optional.ofNullable(r.getObject(15, OffsetDateTime.class)),
                Optional.ofNullable(r.getObject(16, OffsetDateTime.class)), counts, Optional.ofNullable(r.getString(24)),
                Optional.ofNullable(r.getString(25)), status.equals("RUNNING") ? progress.of(id) : Optional.empty(),
                new BuildContext(Optional.ofNullable(r.getString(26)), Optional.ofNullable(r.getString(27)),
                        Optional.ofNullable(r.getString(28))));
    }
}
