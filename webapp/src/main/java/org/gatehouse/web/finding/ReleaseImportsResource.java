package org.gatehouse.web.finding;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.findings.importing.IdempotencyKeys;
import org.gatehouse.findings.importing.ReportImports;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.scanner.core.intake.StoredReport;
import org.gatehouse.web.paging.PageQuery;
import org.gatehouse.web.paging.PageView;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.workflow.release.Release;

/**
 * Report uploads into a release (7.8.3-dr/ds: declared types, safe processing) and their status. An upload is a
 * {@code multipart/form-data} form: {@code file}, {@code scanner}, and optionally {@code category},
 * {@code commit}, {@code build}. It answers 201 with the import when it finished within the wait,
 * 202 while it still runs (follow {@code Location}), or 422 when the report cannot be read. With an
 * {@code Idempotency-Key} a retried push answers with the first push's import (ADR 0012).
 */
@Path("/releases/{id}/imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "imports")
public class ReleaseImportsResource {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(
            ReleaseImportsResource.class.getName());

    @Inject
    ReportImports imports;

    @Inject
    ReportUploads uploads;

    @Context
    UriInfo uriInfo;

    @Context
    ContainerRequestContext request;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Requires(value = Permission.FINDING_IMPORT, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Upload a scanner report into a release (SARIF, SpotBugs XML, ZAP XML/JSON; .gz or .zip)")
    public Response upload(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @HeaderParam("Prefer") String prefer, InputStream body) throws IOException {
        long start = System.nanoTime();
        Actor actor = CurrentActor.of(request);
        Release release = imports.authorize(actor, id);
        if (idempotencyKey != null) {
            IdempotencyKeys.requireValid(idempotencyKey);
        }
        ReportUploads.Received upload = uploads.read(body, contentType, java.util.Set.of(), request.getLength(),
                Optional.of(release));
        StoredReport stored = upload.report();
        long received = System.nanoTime();
        Response answer = uploads.submit(actor, release, upload, Optional.ofNullable(idempotencyKey), prefer, uriInfo).build();
        LOG.fine(() -> "upload of " + stored.uploadedBytes() + " bytes received in " + (received - start) / 1_000_000
                + " ms, then waited " + (System.nanoTime() - received) / 1_000_000 + " ms for the import");
        return answer;
    }

    @GET
    @Requires(value = Permission.FINDING_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "The imports of a release, newest first, with their counts or errors")
    public PageView<ImportView> list(@PathParam("id") String id, @BeanParam PageQuery page) {
        return PageView.of(imports.listOf(CurrentActor.of(request), id, page.cursor(), page.limit()), ImportView::of);
    }

    /** The form has no {@code file} part. */
    public static final class MissingFile extends org.gatehouse.platform.error.DomainException {
        private static final long serialVersionUID = 1L;

        public MissingFile() {
            super(org.gatehouse.platform.error.ProblemType.VALIDATION_FAILED, "import.file-required");
        }
    }
}
