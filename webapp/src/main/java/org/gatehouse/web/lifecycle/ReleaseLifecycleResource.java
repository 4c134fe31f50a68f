package org.gatehouse.web.lifecycle;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.problem.Problems;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.EntityTags;
import org.gatehouse.web.support.RequestBodies;
import org.gatehouse.workflow.release.ReleaseLifecycles;

/**
 * The lifecycle of one release (issue 6; B.1.3.1-ia..ii, 8.1–8.7). The ETag is the lifecycle
 * version; every change needs it in {@code If-Match}, so that of two people acting on the same
 * view only the first succeeds. A blocked move answers 409 listing every blocking reason.
 */
@Path("/releases/{id}/lifecycle")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "lifecycle")
public class ReleaseLifecycleResource {
    @Inject
    ReleaseLifecycles lifecycles;

    @Inject
    RequestBodies bodies;

    @Inject
    Clock clock;

    @Context
    ContainerRequestContext request;

    @Context
    HttpHeaders headers;

    @GET
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Where the release stands: phase, activities, permitted triggers with their blocking reasons, waivers")
    public Response get(@PathParam("id") String id) {
        ReleaseLifecycles.Situation situation = lifecycles.situation(actor(), id);
        return withTag(situation);
    }

    @GET
    @Path("preview")
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Dry run of a trigger: every gate's answer and what blocks, changing nothing")
    public LifecycleViews.PreviewView preview(@PathParam("id") String id, @QueryParam("trigger") String trigger) {
        return views().of(lifecycles.preview(actor(), id, trigger == null ? "advance" : trigger));
    }

    @GET
    @Path("gates")
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Every gate of every forward move of the release's pipeline, evaluated now (the release board)")
    public List<LifecycleViews.RouteGatesView> gates(@PathParam("id") String id) {
        LifecycleViews views = views();
        return lifecycles.allGates(actor(), id).stream().map(views::of).toList();
    }

    @POST
    @Path("transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.RELEASE_ADVANCE, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Advance, send back or cancel (If-Match: the lifecycle version); releasing and cancelling need RELEASE_APPROVE")
    public Response fire(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, TransitionRequest body) {
        TransitionRequest valid = bodies.valid(body);
        long expected = expected(id, ifMatch);
        return withTag(lifecycles.fire(actor(), id, valid.trigger, expected));
    }

    @GET
    @Path("transitions")
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "The release's transition log, oldest first, with every gate's answer and the waivers used")
    public List<LifecycleViews.TransitionView> transitions(@PathParam("id") String id) {
        LifecycleViews views = views();
        return lifecycles.transitions(actor(), id).stream().map(views::of).toList();
    }

    @GET
    @Path("signatures")
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "The release's signed decisions (moves, waivers), each signature and time-stamp checked now")
    public List<LifecycleViews.SignatureView> signatures(@PathParam("id") String id) {
        return lifecycles.signatures(actor(), id).stream().map(LifecycleViews::signature).toList();
    }

    @POST
    @Path("activities")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.RELEASE_ADVANCE, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Record an activity of the current phase as done (If-Match: the lifecycle version)")
    public Response completeActivity(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            ActivityRequest body) {
        ActivityRequest valid = bodies.valid(body);
        long expected = expected(id, ifMatch);
        return withTag(lifecycles.completeActivity(actor(), id, valid.activity,
                Optional.ofNullable(valid.note).filter(n -> !n.isBlank()), expected));
    }

    @GET
    @Path("activities")
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "The activities recorded for the release, oldest first")
    public List<LifecycleViews.ActivityView> activities(@PathParam("id") String id) {
        LifecycleViews views = views();
        return lifecycles.activities(actor(), id).stream().map(views::of).toList();
    }

    @POST
    @Path("waivers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.GATE_WAIVE, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Waive a failing gate with justification and expiry (security administrators; If-Match: the lifecycle version)")
    public Response waive(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, WaiverRequest body) {
        WaiverRequest valid = bodies.valid(body);
        long expected = expected(id, ifMatch);
        return withTag(lifecycles.waive(actor(), id, valid.gate, valid.justification, valid.expiresAt.toInstant(),
                expected));
    }

    private long expected(String id, String ifMatch) {
        return EntityTags.expectedVersion(ifMatch, lifecycles.situation(actor(), id).lifecycle().state().version());
    }

    private Response withTag(ReleaseLifecycles.Situation situation) {
        return Response.ok(views().of(situation)).tag(EntityTags.of(situation.lifecycle().state().version()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    LifecycleViews views() {
        return new LifecycleViews(lifecycles, Problems.locale(headers), clock.instant());
    }

    private Actor actor() {
        return CurrentActor.of(request);
    }
}
