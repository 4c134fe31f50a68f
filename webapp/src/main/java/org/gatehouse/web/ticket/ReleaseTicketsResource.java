package org.gatehouse.web.ticket;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.problem.Problems;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.EntityTags;
import org.gatehouse.web.support.RequestBodies;
import org.gatehouse.workflow.ticket.TicketState;
import org.gatehouse.workflow.ticket.Tickets;

/**
 * The tickets of a release and their lifecycle (issue 6: tickets move through gates too; ADR 0018). A
 * ticket's ETag is its state version; describing and moving it need that version in {@code If-Match}.
 * A refused move answers 409 with every reason; verifying is for testers and security reviewers who did
 * not implement the ticket (403 otherwise).
 */
@Path("/releases/{id}/tickets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tickets")
public class ReleaseTicketsResource {
    @Inject
    Tickets tickets;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    @Context
    HttpHeaders headers;

    @GET
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "The release's ticket board: every ticket with its state, requirements, what holds it and its moves")
    public List<TicketViews.TicketView> list(@PathParam("id") String id) {
        TicketViews views = views();
        return tickets.board(actor(), id).stream().map(views::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.REQUIREMENT_EDIT, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Add a ticket of the tracker (key like SHOP-123, title, kind, optional tracker link) to the release")
    public Response create(@PathParam("id") String id, TicketRequest body) {
        TicketRequest valid = bodies.valid(body);
        Tickets.Card card = tickets.create(actor(), id, valid.keyOrBlank(), valid.draft());
        return Response.status(Response.Status.CREATED).entity(views().of(card))
                .tag(EntityTags.of(card.ticket().version())).build();
    }

    @GET
    @Path("{key}")
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "One ticket with its recorded moves (ETag: the ticket's version)")
    public Response get(@PathParam("id") String id, @PathParam("key") String key) {
        Tickets.Detail detail = tickets.get(actor(), id, key);
        return Response.ok(views().of(detail)).tag(EntityTags.of(detail.card().ticket().version()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.REQUIREMENT_EDIT, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Rewrite a ticket's title, kind and tracker link (If-Match: the ticket's version)")
    public Response update(@PathParam("id") String id, @PathParam("key") String key, @HeaderParam("If-Match") String ifMatch,
            TicketRequest body) {
        TicketRequest valid = bodies.valid(body);
        long expected = expected(id, key, ifMatch);
        return tagged(tickets.describe(actor(), id, key, valid.draft(), expected));
    }

    @POST
    @Path("{key}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.RELEASE_ADVANCE, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Move a ticket one step forward or back, or reopen it (If-Match: the ticket's version);"
            + " VERIFIED needs FINDING_VERIFY and someone other than the implementer")
    public Response move(@PathParam("id") String id, @PathParam("key") String key, @HeaderParam("If-Match") String ifMatch,
            TicketTransitionRequest body) {
        TicketTransitionRequest valid = bodies.valid(body);
        TicketState to = TicketState.parse(valid.to.strip());
        long expected = expected(id, key, ifMatch);
        return tagged(tickets.move(actor(), id, key, to, expected));
    }

    private long expected(String id, String key, String ifMatch) {
        return EntityTags.expectedVersion(ifMatch, tickets.get(actor(), id, key).card().ticket().version());
    }

    private Response tagged(Tickets.Card card) {
        return Response.ok(views().of(card)).tag(EntityTags.of(card.ticket().version()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private TicketViews views() {
        return new TicketViews(Problems.locale(headers));
    }

    private Actor actor() {
        return CurrentActor.of(request);
    }
}
