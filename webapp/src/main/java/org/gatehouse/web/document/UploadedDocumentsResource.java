package org.gatehouse.web.document;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.documents.store.DocumentNotFound;
import org.gatehouse.documents.upload.UploadedDocuments;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;

/**
 * Uploaded documents (C.3, 7.8.6-ef..ej; ADR 0024): one document with its versions,
 * a version's bytes (always an attachment, never rendered by the browser), archiving, and re-encryption after a key
 * rotation. Every read is checked against the document's distribution scope and audited.
 */
@Path("/uploaded-documents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "documents")
public class UploadedDocumentsResource {
    @Inject
    UploadedDocuments documents;

    @Inject
    @ConfigProperty(name = "gatehouse.documents.max-upload-mb", defaultValue = "20")
    long maxUploadMb;

    @Context
    ContainerRequestContext request;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("{id}")
    @Requires(value = Permission.DOCUMENT_READ, scope = Requires.Scope.FINDING)
    @Operation(summary = "An uploaded document with every version's change record (audited)")
    public UploadViews.UploadedView get(@PathParam("id") String id) {
        return UploadViews.UploadedView.of(documents.get(CurrentActor.of(request), id));
    }

    @POST
    @Path("{id}/versions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Requires(value = Permission.DOCUMENT_WRITE, scope = Requires.Scope.FINDING)
    @Operation(summary = "A new version of an uploaded document: file, changeNote, securityImpact")
    public Response addVersion(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) throws IOException {
        UploadForm form = UploadForm.read(body, contentType, maxBytes());
        return Response.status(Response.Status.CREATED)
                .entity(UploadViews.UploadedView.of(documents.addVersion(CurrentActor.of(request), id, form.upload()))).build();
    }

    @GET
    @Path("{id}/versions/{version}/content")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Requires(value = Permission.DOCUMENT_READ, scope = Requires.Scope.FINDING)
    @Operation(summary = "A version's bytes as an attachment (decrypted when stored encrypted; audited)")
    public Response content(@PathParam("id") String id, @PathParam("version") String version) {
        if (!version.matches("[1-9][0-9]{0,8}")) {
            throw new DocumentNotFound(id + "/" + version);
        }
        UploadedDocuments.Content content = documents.content(CurrentActor.of(request), id, Integer.parseInt(version));
        String name = content.version().fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(content.bytes(), MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Gatehouse-Content-SHA256", content.version().sha256())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("{id}/archive")
    @Requires(value = Permission.DOCUMENT_WRITE, scope = Requires.Scope.FINDING)
    @Operation(summary = "Archive an uploaded document: kept and readable in its scope, no new versions")
    public UploadViews.UploadedView archive(@PathParam("id") String id) {
        return UploadViews.UploadedView.of(documents.archive(CurrentActor.of(request), id));
    }

    @POST
    @Path("re-encryption")
    @Requires(Permission.DOCUMENT_KEYS)
    @Operation(summary = "Re-encrypt up to `limit` versions sealed under an older key with the active one (key rotation)")
    public Map<String, Integer> reencrypt(@QueryParam("limit") @DefaultValue("100") int limit) {
        return Map.of("reencrypted", documents.reencrypt(CurrentActor.of(request), limit));
    }

    private long maxBytes() {
        return Math.max(1, maxUploadMb) * 1024 * 1024;
    }
}
