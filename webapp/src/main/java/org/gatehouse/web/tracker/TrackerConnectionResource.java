package org.gatehouse.web.tracker;

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
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.tracking.connection.ConnectionDraft;
import org.gatehouse.tracking.connection.ConnectionView;
import org.gatehouse.tracking.connection.TrackerConnections;
import org.gatehouse.tracking.sync.TrackerSync;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;
import org.gatehouse.workflow.api.ProjectKey;

/** A project's issue-tracker connection (issue 7): project owners configure, check and reconcile it. */
@Path("/projects/{key}/tracker")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "issue trackers")
public class TrackerConnectionResource {
    @Inject
    TrackerConnections connections;

    @Inject
    TrackerSync sync;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    @GET
    @Requires(value = Permission.TRACKER_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "The project's tracker connection (never its credential or webhook secret)")
    public ConnectionView get(@PathParam("key") String key) {
        return connections.get(CurrentActor.of(request), project(key));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.TRACKER_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Create or replace the connection; a new webhook secret is in this response only")
    public ConnectionView save(@PathParam("key") String key, TrackerConnectionRequest body) {
        TrackerConnectionRequest valid = bodies.valid(body);
        return connections.save(CurrentActor.of(request), project(key), new ConnectionDraft(valid.tracker, valid.baseUrl,
                valid.container, valid.options == null ? Map.of() : valid.options,
                valid.language == null ? "en" : valid.language, Optional.ofNullable(valid.user),
                Optional.ofNullable(valid.token), Boolean.TRUE.equals(valid.rotateWebhookSecret)));
    }

    @DELETE
    @Requires(value = Permission.TRACKER_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Remove the connection and its issue links (the issues stay in the tracker)")
    public Response delete(@PathParam("key") String key) {
        connections.delete(CurrentActor.of(request), project(key));
        return Response.noContent().build();
    }

    /** The tracker's answer to the connection check. */
    public record CheckView(boolean ok, String detail) {
    }

    @POST
    @Path("check")
    @Requires(value = Permission.TRACKER_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Check that the tracker answers with the stored credential (502 tracker-failed otherwise)")
    public CheckView check(@PathParam("key") String key) {
        return new CheckView(true, connections.check(CurrentActor.of(request), project(key)));
    }

    @POST
    @Path("reconcile")
    @Requires(value = Permission.TRACKER_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Reconcile now: read the issues changed since the last reconcile and apply their states")
    public TrackerSync.Reconciled reconcile(@PathParam("key") String key) {
        return sync.reconcile(CurrentActor.of(request), project(key));
    }

    static ProjectKey project(String key) {
        return ProjectKey.parse(key).orElseThrow(() -> new jakarta.ws.rs.NotFoundException());
    }
}
