package org.gatehouse.web.finding;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import org.gatehouse.findings.importing.ReportImports;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;

/** An import's status: where it stands, its progress while it runs, and its counts. */
@Path("/imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "imports")
public class ImportsResource {
    @Inject
    ReportImports imports;

    @Inject
    EventStreams streams;

    @Context
    ContainerRequestContext request;

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Requires(value = Permission.FINDING_READ, scope = Requires.Scope.FINDING)
    @Operation(summary = "Live progress as Server-Sent Events: an 'import' event on every change, 'end' when it ended")
    public void events(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
        Actor actor = CurrentActor.of(request);
        ImportView first = ImportView.of(imports.status(actor, id)); // refuses before the stream opens
        streams.follow(sink, sse, first, () -> ImportView.of(imports.status(actor, id)),
                view -> !view.status().matches("QUEUED|RUNNING"));
    }

    @GET
    @Path("{id}")
    @Requires(value = Permission.FINDING_READ, scope = Requires.Scope.FINDING)
    @Operation(summary = "An import's status, progress and counts")
    public ImportView get(@PathParam("id") String id) {
        return ImportView.of(imports.status(CurrentActor.of(request), id));
    }
}
