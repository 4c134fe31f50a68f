package org.gatehouse.web.environment;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.environment.EnvironmentRequests.EnvironmentRequest;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;
import org.gatehouse.workflow.environment.Environment;
import org.gatehouse.workflow.environment.EnvironmentKind;
import org.gatehouse.workflow.environment.Environments;

/**
 * A project's environments and their separation (C.2, 8.5.2): owners record them; owners, auditors and
 * security administrators read them. A production environment in the zone of a development or test one
 * is refused with 409 ({@code urn:gatehouse:problem:conflict}).
 */
@Path("/projects/{key}/environments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "environments")
public class ProjectEnvironmentsResource {
    @Inject
    Environments environments;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    /** An environment. */
    public record EnvironmentView(String id, String project, String name, String kind, String networkZone, String access,
            String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {
        static EnvironmentView of(Environment e) {
            return new EnvironmentView(e.id().toString(), e.project().value(), e.name(), e.kind().name(), e.zone(),
                    e.access(), e.createdBy(), e.createdAt(), e.updatedBy(), e.updatedAt());
        }
    }

    @GET
    @Requires(value = Permission.ENVIRONMENT_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "The project's environments with their network zone and who may access them (C.2)")
    public List<EnvironmentView> list(@PathParam("key") String key) {
        return environments.list(CurrentActor.of(request), key).stream().map(EnvironmentView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.ENVIRONMENT_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Record an environment; production never shares a network zone with development or test")
    public Response create(@PathParam("key") String key, EnvironmentRequest body) {
        Environment created = environments.create(CurrentActor.of(request), key, draft(bodies.valid(body)));
        return Response.status(Response.Status.CREATED).entity(EnvironmentView.of(created)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.ENVIRONMENT_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Change an environment (the separation rule holds again)")
    public EnvironmentView update(@PathParam("key") String key, @PathParam("id") String id, EnvironmentRequest body) {
        return EnvironmentView.of(environments.update(CurrentActor.of(request), key, id, draft(bodies.valid(body))));
    }

    @DELETE
    @Path("{id}")
    @Requires(value = Permission.ENVIRONMENT_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Remove an environment from the register")
    public Response remove(@PathParam("key") String key, @PathParam("id") String id) {
        environments.remove(CurrentActor.of(request), key, id);
        return Response.noContent().build();
    }

    private static Environments.Draft draft(EnvironmentRequest body) {
        return new Environments.Draft(body.name, EnvironmentRequests.parse(EnvironmentKind.class, body.kind, "kind"),
                body.networkZone, body.access);
    }
}
