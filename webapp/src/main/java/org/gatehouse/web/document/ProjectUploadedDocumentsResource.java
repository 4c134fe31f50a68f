package org.gatehouse.web.document;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.documents.upload.UploadedDocuments;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;

/**
 * A project's uploaded documents (C.3, 7.8.6-ef..ej; ADR 0024): the listing (only what one may read) with the
 * project's storage use, and new uploads.
 */
@Path("/projects/{key}/uploaded-documents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "documents")
public class ProjectUploadedDocumentsResource {
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
    @Requires(value = Permission.DOCUMENT_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "The project's uploaded documents one may read (within their scope), and its storage use")
    public UploadViews.ListingView list(@PathParam("key") String key) {
        UploadedDocuments.Usage usage = documents.usage(CurrentActor.of(request), key);
        return new UploadViews.ListingView(usage.usedBytes(), usage.quotaBytes(), documents.list(CurrentActor.of(request), key)
                .stream().map(d -> UploadViews.UploadedView.of(d, java.util.List.of())).toList());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Requires(value = Permission.DOCUMENT_WRITE, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Upload a document: file, title, category, classification, [distribution], changeNote, securityImpact")
    public Response create(@PathParam("key") String key, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) throws IOException {
        UploadForm form = UploadForm.read(body, contentType, maxBytes());
        UploadedDocuments.Detail created = documents.create(CurrentActor.of(request), key, form.draft(), form.upload());
        return Response.created(uriInfo.getBaseUriBuilder().path("uploaded-documents").path(created.document().id().toString())
                .build()).entity(UploadViews.UploadedView.of(created)).build();
    }

    private long maxBytes() {
        return Math.max(1, maxUploadMb) * 1024 * 1024;
    }
}
