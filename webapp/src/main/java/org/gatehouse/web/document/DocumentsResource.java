package org.gatehouse.web.document;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.documents.generation.HtmlRenderer;
import org.gatehouse.documents.store.Documents;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;

/**
 * One document version: metadata, HTML and PDF, each read checked against the document's
 * distribution scope and audited (C.3). The HTML is served sandboxed: no scripts, no requests,
 * only its own style block.
 */
@Path("/documents/{id}")
@RequestScoped
@Tag(name = "documents")
public class DocumentsResource {
    /** The HTML's policy: nothing but the fixed style block, in a sandbox. */
    public static final String HTML_POLICY = "default-src 'none'; style-src " + HtmlRenderer.styleSource()
            + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

    @Inject
    Documents documents;

    @Context
    ContainerRequestContext request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.DOCUMENT_READ, scope = Requires.Scope.FINDING)
    @Operation(summary = "A document version's metadata (classification, distribution scope, digests, change note)")
    public DocumentView get(@PathParam("id") String id) {
        return DocumentView.of(documents.get(CurrentActor.of(request), id), false);
    }

    @GET
    @Path("html")
    @Produces(MediaType.TEXT_HTML)
    @Requires(value = Permission.DOCUMENT_READ, scope = Requires.Scope.FINDING)
    @Operation(summary = "The document as HTML (sandboxed by its Content-Security-Policy)")
    public Response html(@PathParam("id") String id) {
        Documents.Content content = documents.content(CurrentActor.of(request), id, false);
        return Response.ok(content.bytes(), "text/html; charset=UTF-8").header("Content-Security-Policy", HTML_POLICY)
                .header("X-Gatehouse-Content-SHA256", content.document().htmlSha256())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("pdf")
    @Produces("application/pdf")
    @Requires(value = Permission.DOCUMENT_READ, scope = Requires.Scope.FINDING)
    @Operation(summary = "The document as PDF (an attachment)")
    public Response pdf(@PathParam("id") String id) {
        Documents.Content content = documents.content(CurrentActor.of(request), id, true);
        String name = content.document().kind().slug() + "-" + content.document().language().tag() + "-v"
                + content.document().version() + ".pdf";
        return Response.ok(content.bytes(), "application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header("X-Gatehouse-Content-SHA256", content.document().pdfSha256())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
