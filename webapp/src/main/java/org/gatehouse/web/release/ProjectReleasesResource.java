package org.gatehouse.web.release;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.web.paging.PageQuery;
import org.gatehouse.web.paging.PageView;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.EntityTags;
import org.gatehouse.web.support.RequestBodies;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.Releases;

/** The releases of one project: open one, list them. */
@Path("/projects/{key}/releases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "releases")
public class ProjectReleasesResource {
    @Inject
    Releases releases;

    @Inject
    RequestBodies bodies;

    @Context
    UriInfo uriInfo;

    @Context
    ContainerRequestContext request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.RELEASE_CREATE, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Open a release of a project")
    public Response create(@PathParam("key") String key, ReleaseRequest body) {
        Release release = releases.open(CurrentActor.of(request), key, bodies.valid(body).version);
        return Response.created(uriInfo.getBaseUriBuilder().path(ReleasesResource.class).path(release.id().toString()).build())
                .tag(EntityTags.of(release.rowVersion()))
                .entity(ReleaseView.of(release))
                .build();
    }

    @GET
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "List the releases of a project, newest first, keyset-paginated")
    public PageView<ReleaseView> list(@PathParam("key") String key, @BeanParam PageQuery page) {
        return PageView.of(releases.listOf(CurrentActor.of(request), key, page.cursor(), page.limit()), ReleaseView::of);
    }
}
