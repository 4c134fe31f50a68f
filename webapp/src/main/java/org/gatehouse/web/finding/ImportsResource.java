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

    /** The longest a status request waits for its import to finish (issue 7: a bounded long-poll). */
    static final long MAX_WAIT_SECONDS = 60;
    private static final java.util.regex.Pattern WAIT = java.util.regex.Pattern.compile("([0-9]{1,4})s?");
    private static final java.util.regex.Pattern PREFER_WAIT = java.util.regex.Pattern.compile(
            "(?:^|[,;\\s])wait\\s*=\\s*([0-9]{1,4})(?:$|[,;\\s])");

    @GET
    @Path("{id}")
    @Requires(value = Permission.FINDING_READ, scope = Requires.Scope.FINDING)
    @Operation(summary = "An import's status, progress and counts; with ?wait=30s (or Prefer: wait=30) it answers as"
            + " soon as the import finished, after at most that long (60 s at most)")
    public jakarta.ws.rs.core.Response get(@PathParam("id") String id, @jakarta.ws.rs.QueryParam("wait") String wait,
            @jakarta.ws.rs.HeaderParam("Prefer") String prefer) {
        Actor actor = CurrentActor.of(request);
        long seconds = waitSeconds(wait, prefer);
        org.gatehouse.findings.importing.ImportStatus status = imports.status(actor, id);
        if (seconds > 0 && !status.finished()) {
            status = imports.await(actor, org.gatehouse.findings.importing.ImportId.parse(id).orElseThrow(),
                    java.time.Duration.ofSeconds(seconds));
        }
        jakarta.ws.rs.core.Response.ResponseBuilder answer = jakarta.ws.rs.core.Response.ok(ImportView.of(status));
        return (seconds > 0 ? answer.header("Preference-Applied", "wait=" + seconds) : answer).build();
    }

    /** The wait asked for, by query ({@code 30s} or {@code 30}) or RFC 7240 {@code Prefer: wait=30}; capped; 0 when none. */
    static long waitSeconds(String query, String prefer) {
        java.util.regex.Matcher m;
        if (query != null && (m = WAIT.matcher(query.strip())).matches()) {
            return Math.min(MAX_WAIT_SECONDS, Long.parseLong(m.group(1)));
        }
        if (prefer != null && (m = PREFER_WAIT.matcher(prefer.length() > 200 ? "" : prefer)).find()) {
            return Math.min(MAX_WAIT_SECONDS, Long.parseLong(m.group(1)));
        }
        return 0;
    }
}
