package org.gatehouse.web.release;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.EntityTags;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.Releases;

/** A release, addressed by its id. */
@Path("/releases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "releases")
public class ReleasesResource {
    @Inject
    Releases releases;

    @Context
    ContainerRequestContext request;

    @GET
    @Path("{id}")
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Read a release; the ETag is its version")
    public Response get(@PathParam("id") String id) {
        Release release = releases.get(CurrentActor.of(request), id);
        return Response.ok(ReleaseView.of(release)).tag(EntityTags.of(release.rowVersion())).build();
    }
}
