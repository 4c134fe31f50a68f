package org.gatehouse.web.environment;

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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.findings.importing.ImportStatus;
import org.gatehouse.findings.secrets.SecretsChecks;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.scanner.core.intake.StoredReport;
import org.gatehouse.web.finding.ReleaseImportsResource;
import org.gatehouse.web.finding.ReportUploads;
import org.gatehouse.web.finding.UploadSettings;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.security.SignedBody;
import org.gatehouse.web.support.MultipartForm;
import org.gatehouse.workflow.release.Release;

/**
 * The secrets check (8.5.2, C.2): upload test fixtures or a build artifact — one file, a gzip, or a zip
 * (jar, war) of many files — as {@code multipart/form-data} ({@code file}, optional {@code category},
 * {@code commit}, {@code build}); it is checked for credential patterns and the project's registered
 * production keys, and what it finds becomes findings (scanner {@code secrets-check}) through the import
 * pipeline. The answer is the import, as for a report upload (201, 202 while it runs, 422 when the
 * archive is refused). Nothing the check matched is in the answer, the findings or the logs.
 */
@Path("/releases/{id}/secrets-checks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "imports")
public class ReleaseSecretsChecksResource {
    private static final Set<String> FIELDS = Set.of("category", "commit", "build");

    @Inject
    SecretsChecks checks;

    @Inject
    UploadSettings settings;

    @Inject
    ReportUploads uploads;

    @Context
    UriInfo uriInfo;

    @Context
    ContainerRequestContext request;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Requires(value = Permission.FINDING_IMPORT, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Check test data or a build artifact for credentials and registered production keys (8.5.2)")
    public Response check(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) throws IOException {
        Actor actor = CurrentActor.of(request);
        Release release = checks.authorize(actor, id);
        MultipartForm form = new MultipartForm(body, contentType);
        Map<String, String> fields = new HashMap<>();
        Optional<StoredReport> upload = Optional.empty();
        try {
            for (Optional<MultipartForm.Part> next = form.next(); next.isPresent(); next = form.next()) {
                MultipartForm.Part part = next.get();
                if (part.name().equals("file") && upload.isEmpty()) {
                    upload = Optional.of(settings.intake().receiveArchive(part.content(), part.fileName().orElse(""),
                            settings.workDir()));
                } else if (FIELDS.contains(part.name())) {
                    fields.put(part.name(), MultipartForm.text(part, 1000));
                }
            }
            SignedBody.drain(body);
        } catch (RuntimeException | IOException e) {
            upload.ifPresent(StoredReport::close);
            throw e;
        }
        StoredReport stored = upload.orElseThrow(ReleaseImportsResource.MissingFile::new);
        ImportStatus status = checks.submit(actor, release, fields.get("category"),
                Optional.ofNullable(fields.get("commit")), Optional.ofNullable(fields.get("build")), stored,
                settings.intake().limits(), settings.waitFor());
        return uploads.answer(status, false, uriInfo).build();
    }
}
