package org.gatehouse.web.project;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.web.paging.PageQuery;
import org.gatehouse.web.paging.PageView;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.EntityTags;
import org.gatehouse.web.support.RequestBodies;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.project.Project;
import org.gatehouse.workflow.project.Projects;

/** Projects: register, list, read, revise (with {@code If-Match}). */
@Path("/projects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "projects")
public class ProjectsResource {
    @Inject
    Projects projects;

    @Inject
    RequestBodies bodies;

    @Context
    UriInfo uriInfo;

    @Context
    ContainerRequestContext request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.PROJECT_CREATE)
    @Operation(summary = "Register a project")
    public Response create(ProjectRequest body) {
        ProjectRequest valid = bodies.valid(body, jakarta.validation.groups.Default.class, ProjectRequest.OnCreate.class);
        Project project = projects.register(actor(), valid.toDetails(
                ProjectKey.parse(valid.key).orElseThrow(() -> new IllegalArgumentException("key"))));
        return Response.created(uriInfo.getBaseUriBuilder().path(ProjectsResource.class).path(project.key().value()).build())
                .tag(EntityTags.of(project.version()))
                .entity(ProjectView.of(project))
                .build();
    }

    @GET
    @Requires(Permission.PROJECT_LIST)
    @Operation(summary = "List the projects the caller may see by key, keyset-paginated")
    public PageView<ProjectView> list(@BeanParam PageQuery page) {
        return PageView.of(projects.list(actor(), page.cursor(), page.limit()), ProjectView::of);
    }

    @GET
    @Path("{key}")
    @Requires(value = Permission.PROJECT_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Read a project; the ETag is its version")
    public Response get(@PathParam("key") String key) {
        Project project = projects.get(actor(), Permission.PROJECT_READ, key);
        return Response.ok(ProjectView.of(project)).tag(EntityTags.of(project.version())).build();
    }

    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.PROJECT_UPDATE, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Revise a project; If-Match with the ETag read before is required")
    public Response update(@PathParam("key") String key, @HeaderParam("If-Match") String ifMatch,
            ProjectRequest body) {
        Project current = projects.get(actor(), Permission.PROJECT_UPDATE, key);
        long expected = EntityTags.expectedVersion(ifMatch, current.version());
        Project revised = projects.revise(actor(), bodies.valid(body).toDetails(current.key()), expected);
        return Response.ok(ProjectView.of(revised)).tag(EntityTags.of(revised.version())).build();
    }

    private Actor actor() {
        return CurrentActor.of(request);
    }
}
