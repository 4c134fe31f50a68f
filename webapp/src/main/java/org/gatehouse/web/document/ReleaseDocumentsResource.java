package org.gatehouse.web.document;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.documents.store.Documents;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;

/** Generating a release's documents and listing the versions one may read (B.1.3.1-ib..ih, C.3). */
@Path("/releases/{id}/documents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "documents")
public class ReleaseDocumentsResource {
    @Inject
    Documents documents;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    /** A generation's body. */
    public static class GenerateRequest {
        @Size(max = 10, message = "{validation.size}")
        public String language;

        @Size(max = 20, message = "{validation.size}")
        public String classification;

        @NotBlank(message = "{validation.required}")
        @Size(max = 2000, message = "{validation.size}")
        public String changeNote;
    }

    @GET
    @Requires(value = Permission.DOCUMENT_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "The versions of the release's documents the caller's roles may read")
    public List<DocumentView> list(@PathParam("id") String id) {
        return documents.list(CurrentActor.of(request), id).stream().map(d -> DocumentView.of(d, false)).toList();
    }

    @POST
    @Path("{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.RELEASE_ADVANCE, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Generate a document (AUDIT_CONCLUDE for security-audit-report): 201 with a new version,"
            + " 200 with the latest when nothing changed")
    public Response generate(@PathParam("id") String id, @PathParam("kind") String kind, GenerateRequest body) {
        GenerateRequest valid = bodies.valid(body);
        Documents.Generated generated = documents.generate(CurrentActor.of(request), id, kind,
                Optional.ofNullable(valid.language).filter(l -> !l.isBlank()),
                Optional.ofNullable(valid.classification).filter(c -> !c.isBlank()), valid.changeNote);
        DocumentView view = DocumentView.of(generated.document(), generated.created());
        return Response.status(generated.created() ? 201 : 200).entity(view)
                .location(java.net.URI.create("/api/v1/documents/" + view.id())).build();
    }
}
