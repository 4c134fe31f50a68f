package org.gatehouse.web.scan;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.web.support.EventStreams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.scans.WhiteBoxScans;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;

/** One scan: its state and live progress, and cancelling it. */
@Path("/scans")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scans")
public class ScansResource {
    @Inject
    WhiteBoxScans scans;

    @Inject
    EventStreams streams;

    @Inject
    org.gatehouse.scans.BlackBoxScans blackBox;

    @Context
    ContainerRequestContext request;

    /** What the connection check says. */
    public record ZapCheckView(boolean reachable, String zapVersion, String problem, String message) {
    }

    @GET
    @Path("zap")
    @Requires(value = Permission.FINDING_IMPORT, scope = Requires.Scope.ANY_PROJECT)
    @Operation(summary = "Whether the configured OWASP ZAP answers, and which version")
    public ZapCheckView zap() {
        org.gatehouse.scanner.zapdriver.ConnectionCheck check = blackBox.check(CurrentActor.of(request));
        return new ZapCheckView(check.reachable(), check.zapVersion().orElse(null),
                check.problem().map(Enum::name).orElse(null), check.message());
    }

    @GET
    @Path("{id}")
    @Requires(value = Permission.FINDING_READ, scope = Requires.Scope.FINDING)
    @Operation(summary = "A scan's state, progress (classes analysed of the total), artifact SHA-256 and resulting import")
    public ScanView get(@PathParam("id") String id) {
        return ScanView.of(scans.status(CurrentActor.of(request), id));
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Requires(value = Permission.FINDING_READ, scope = Requires.Scope.FINDING)
    @Operation(summary = "Live progress as Server-Sent Events: a 'scan' event on every change, 'end' when it ended")
    public void events(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
        Actor actor = CurrentActor.of(request);
        ScanView first = ScanView.of(scans.status(actor, id)); // refuses before the stream opens
        streams.follow(sink, sse, first, () -> ScanView.of(scans.status(actor, id)), view -> !view.state()
                .matches("QUEUED|RUNNING"));
    }

    @POST
    @Path("{id}/cancel")
    @Requires(value = Permission.FINDING_IMPORT, scope = Requires.Scope.FINDING)
    @Operation(summary = "Cancel a queued or running scan")
    public ScanView cancel(@PathParam("id") String id) {
        return ScanView.of(scans.cancel(CurrentActor.of(request), id));
    }
}
