package org.gatehouse.web.finding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.sql.SQLException;
import org.gatehouse.findings.importing.BuildContext;
import org.gatehouse.findings.importing.ImportId;
import org.gatehouse.findings.importing.ImportPipeline;
import org.gatehouse.findings.importing.ImportRequest;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.findings.importing.ImportStatus;
import org.gatehouse.findings.importing.ReportImports;
import org.gatehouse.findings.importing.ReportUnreadable;
import org.gatehouse.scanner.api.ScannerPlugin;
import org.gatehouse.scanner.core.intake.LiveReport;
import org.gatehouse.scanner.core.intake.StoredReport;
import org.gatehouse.web.security.SignedBody;
import org.gatehouse.web.support.MultipartForm;

/**
 * Reading a report push ({@code multipart/form-data}: {@code file}, {@code scanner}, and optional text
 * fields) into a stored report, and the answer to it: shared by the push into a release and the push
 * that names its release by version (7.8.3-dr/ds: declared types, safe processing).
 */
@ApplicationScoped
public class ReportUploads {
    private static final int MAX_FIELD_CHARS = 1000;
    static final Set<String> FIELDS = Set.of("scanner", "category", "commit", "build", "branch", "pipelineUrl",
            "artifactSha256");

    @Inject
    ReportImports imports;

    @Inject
    UploadSettings settings;

    @Inject
    IdempotentPushes idempotentPushes;

    /**
     * A received upload: the report (owned by the caller: close the upload unless it is submitted), the
     * text fields, and the import that already parsed the report while it arrived, if it could
     * ({@link ReportImports#stream}).
     */
    public record Received(StoredReport report, Map<String, String> fields, Optional<ImportPipeline.Streamed> streamed)
            implements AutoCloseable {
        ImportRequest request() {
            return ReportUploads.request(fields);
        }

        /**
         * The import of this upload, on this thread when it was streamed, queued otherwise; {@code queued}
         * learns its id first. The upload belongs to the call.
         */
        ImportStatus submit(ReportImports imports, Actor actor, Release release, java.time.Duration wait,
                java.util.function.Consumer<ImportId> queued) {
            return streamed.isPresent()
                    ? imports.submit(actor, release, request(), report, streamed.get(), queued)
                    : imports.submit(actor, release, request(), report, wait, queued);
        }

        /** Abandons the upload: the stored report is deleted and a streamed import rolled back. */
        @Override
        public void close() {
            try {
                report.close();
            } finally {
                streamed.ifPresent(ReportUploads::abandon);
            }
        }
    }

    /**
     * Reads the form to its end (so that a signed body's digest is checked before anything is kept,
     * ADR 0012); {@code extra} names text fields besides {@link #FIELDS} to keep. When the scanner field
     * comes before the file, the report is parsed into a streamed import while it arrives (issue 4): it
     * commits only once submitted. A field given twice keeps its first value. {@code expectedBytes} is
     * the request's length, or -1, for the progress of a streamed import.
     */
    public Received read(InputStream body, String contentType, Set<String> extra, long expectedBytes) throws IOException {
        return read(body, contentType, extra, expectedBytes, Optional.empty());
    }

    /**
     * {@link #read(InputStream, String, Set, long)} of an upload into {@code release}, known (and authorised) before
     * the upload: a project's first import of a scanner then creates its findings while the report arrives.
     */
    public Received read(InputStream body, String contentType, Set<String> extra, long expectedBytes,
            Optional<Release> release) throws IOException {
        MultipartForm form = new MultipartForm(body, contentType);
        Map<String, String> fields = new HashMap<>();
        Optional<Received> report = Optional.empty();
        Optional<Path> early = Optional.empty();
        String fileName = "";
        try {
            for (Optional<MultipartForm.Part> next = form.next(); next.isPresent(); next = form.next()) {
                MultipartForm.Part part = next.get();
                if (part.name().equals("file") && report.isEmpty() && early.isEmpty()) {
                    fileName = part.fileName().orElse("");
                    if (fields.containsKey("scanner")) {
                        report = Optional.of(receive(part.content(), fileName, fields, expectedBytes, release));
                    } else {
                        // the file came before the scanner field: keep it until the plugin is known
                        early = Optional.of(spool(part.content()));
                    }
                } else if ((FIELDS.contains(part.name()) || extra.contains(part.name())) && !fields.containsKey(part.name())) {
                    fields.put(part.name(), MultipartForm.text(part, MAX_FIELD_CHARS));
                }
            }
            if (early.isPresent()) {
                try (InputStream spooled = Files.newInputStream(early.get())) {
                    report = Optional.of(new Received(receive(spooled, fileName, fields), fields, Optional.empty()));
                }
            }
            // to the end: a signed body's digest is verified before anything is kept (ADR 0012)
            SignedBody.drain(body);
            Received received = report.orElseThrow(ReleaseImportsResource.MissingFile::new);
            request(fields); // a bad field refuses the upload here, where it is still closed on failure
            return new Received(received.report(), fields, received.streamed());
        } catch (RuntimeException | IOException e) {
            // the stored report is deleted and a streamed import rolled back: its connection and worker slot
            // must not outlive the request (a leaked one was committed by the pool's next user)
            report.ifPresent(Received::close);
            throw e;
        } finally {
            if (early.isPresent()) {
                Files.deleteIfExists(early.get());
            }
        }
    }

    /**
     * Queues the received report into {@code release} (once per {@code idempotencyKey} when one is given: a retry
     * gets the first push's import, marked {@code Idempotent-Replayed}) and answers 201 with the import when it
     * finished within the configured wait, 202 while it runs (follow {@code Location}); 422 when unreadable.
     * {@code prefer} is the request's {@code Prefer} header, if any: {@code respond-async} waits for nothing.
     */
    public Response.ResponseBuilder submit(Actor actor, Release release, Received upload, Optional<String> idempotencyKey,
            String prefer, UriInfo uriInfo) {
        boolean async = prefersAsync(prefer);
        java.time.Duration wait = async ? java.time.Duration.ZERO : settings.waitFor();
        boolean replayed = false;
        ImportStatus status;
        try {
            if (idempotencyKey.isEmpty()) {
                status = upload.submit(imports, actor, release, wait, id -> { });
            } else {
                IdempotentPushes.Pushed pushed = idempotentPushes.push(actor, release, upload, idempotencyKey.get(), wait);
                status = pushed.status();
                replayed = pushed.replayed();
            }
        } catch (RuntimeException e) {
            upload.close(); // a no-op for what an import already took over
            throw e;
        }
        Response.ResponseBuilder answer = answer(status, replayed, uriInfo);
        if (async && !status.finished()) {
            answer.header("Preference-Applied", "respond-async");
        }
        return answer;
    }

    /**
     * Whether the client asked not to wait for its import (RFC 7240 {@code Prefer: respond-async}): the answer is then
     * 202 at once, unless the import already ended (a report parsed while it arrived is stored before the answer).
     */
    static boolean prefersAsync(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            String token = preference.split(";", 2)[0].strip();
            if (token.equalsIgnoreCase("respond-async")) {
                return true;
            }
        }
        return false;
    }

    /** 201 with the import when it finished, 202 while it runs (follow {@code Location}); 422 when unreadable. */
    public Response.ResponseBuilder answer(ImportStatus status, boolean replayed, UriInfo uriInfo) {
        if (status.status().equals("FAILED") && status.errorType().filter("report-unreadable"::equals).isPresent()) {
            throw new ReportUnreadable(status);
        }
        Response.ResponseBuilder answer = Response.status(status.finished() ? Response.Status.CREATED : Response.Status.ACCEPTED)
                .location(uriInfo.getBaseUriBuilder().path("imports").path(status.id().toString()).build())
                .entity(ImportView.of(status));
        if (replayed) {
            answer.header("Idempotent-Replayed", "true");
        }
        return answer;
    }

    private StoredReport receive(InputStream content, String fileName, Map<String, String> fields) throws IOException {
        ScannerPlugin plugin = imports.plugin(request(fields).scanner());
        return settings.intake().receive(content, fileName, plugin.descriptor().extensions(), settings.workDir());
    }

    /** Receives the file part, parsing it into a streamed import as it arrives when it can be. */
    private Received receive(InputStream content, String fileName, Map<String, String> fields, long expectedBytes,
            Optional<Release> release) throws IOException {
        String scanner = request(fields).scanner();
        ScannerPlugin plugin = imports.plugin(scanner);
        try (LiveReport live = settings.intake().live(content, fileName, plugin.descriptor().extensions(),
                settings.workDir())) {
            Optional<ImportPipeline.Streamed> streamed = live.live() ? imports.stream(scanner, expectedBytes, release) : Optional.empty();
            try {
                if (streamed.isPresent()) {
                    streamed.get().parse(live.source());
                }
                return new Received(live.finish(), fields, streamed);
            } catch (SQLException e) {
                streamed.ifPresent(ReportUploads::abandon);
                throw new IllegalStateException("the streamed import could not copy its occurrences", e);
            } catch (IOException | RuntimeException e) {
                streamed.ifPresent(ReportUploads::abandon);
                throw e;
            }
        }
    }

    private static void abandon(ImportPipeline.Streamed streamed) {
        try {
            streamed.close();
        } catch (Exception e) {
            java.util.logging.Logger.getLogger(ReportUploads.class.getName()).log(java.util.logging.Level.WARNING,
                    "could not abandon the streamed import " + streamed.id(), e);
        }
    }

    static ImportRequest request(Map<String, String> fields) {
        return new ImportRequest(fields.get("scanner"), fields.get("category"), Optional.ofNullable(fields.get("commit")),
                Optional.ofNullable(fields.get("build")), new BuildContext(Optional.ofNullable(fields.get("branch")),
                        Optional.ofNullable(fields.get("pipelineUrl")), Optional.ofNullable(fields.get("artifactSha256"))));
    }

    private Path spool(InputStream content) throws IOException {
        Path file = Files.createTempFile(settings.workDir(), "early-", ".tmp");
        try {
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }
}
