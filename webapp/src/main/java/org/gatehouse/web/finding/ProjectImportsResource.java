package org.gatehouse.web.finding;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.findings.importing.IdempotencyKeys;
import org.gatehouse.findings.importing.ReportImports;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.scanner.core.intake.StoredReport;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.ReleasesByVersion;

/**
 * A report push that names its release by version (issue 7, ADR 0012): the form of
 * {@code POST /releases/{id}/imports} plus {@code releaseVersion} and, optionally,
 * {@code createRelease=true} to open the release first when the project has none of that version
 * (needs the token scope {@code releases:write}, else 403 {@code capability-required}). The release
 * is looked up (or opened) only after the whole upload was received and its signature verified, so
 * a refused or tampered push opens nothing. Answers like the push into a release; the header
 * {@code Gatehouse-Release-Opened: true} says this push opened it.
 */
@Path("/projects/{key}/imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "imports")
public class ProjectImportsResource {
    private static final Set<String> EXTRA = Set.of("releaseVersion", "createRelease");

    @Inject
    ReportImports imports;

    @Inject
    ReportUploads uploads;

    @Inject
    ReleasesByVersion byVersion;

    @Context
    UriInfo uriInfo;

    @Context
    ContainerRequestContext request;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Requires(value = Permission.FINDING_IMPORT, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Upload a report into the project's release of a version, opening it if asked and allowed")
    public Response upload(@PathParam("key") String key, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @HeaderParam("Prefer") String prefer, InputStream body) throws IOException {
        Actor actor = CurrentActor.of(request);
        if (idempotencyKey != null) {
            IdempotencyKeys.requireValid(idempotencyKey);
        }
        ReportUploads.Received upload = uploads.read(body, contentType, EXTRA, request.getLength());
        ReleasesByVersion.Resolved resolved;
        Release release;
        try {
            String version = upload.fields().get("releaseVersion");
            if (version == null || version.isBlank()) {
                throw new VersionRequired();
            }
            resolved = byVersion.resolve(actor, key, version.strip(),
                    "true".equalsIgnoreCase(upload.fields().getOrDefault("createRelease", "false").strip()));
            release = imports.authorize(actor, resolved.release().id().toString());
        } catch (RuntimeException e) {
            upload.close();
            throw e;
        }
        Response.ResponseBuilder answer = uploads.submit(actor, release, upload, Optional.ofNullable(idempotencyKey), prefer,
                uriInfo);
        if (resolved.opened()) {
            answer.header("Gatehouse-Release-Opened", "true");
        }
        return answer.build();
    }

    /** A push by version without the version. */
    public static final class VersionRequired extends org.gatehouse.platform.error.DomainException {
        private static final long serialVersionUID = 1L;

        VersionRequired() {
            super(org.gatehouse.platform.error.ProblemType.VALIDATION_FAILED, "import.release-version-required");
        }
    }
}
