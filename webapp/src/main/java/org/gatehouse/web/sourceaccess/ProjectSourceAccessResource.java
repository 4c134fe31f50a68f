package org.gatehouse.web.sourceaccess;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;
import org.gatehouse.workflow.sourceaccess.SourceAccessGrant;
import org.gatehouse.workflow.sourceaccess.SourceAccessGrants;

/**
 * Source-repository access of a project (C.4): a person asks (for themselves; owners may ask for another
 * person of the project), a project owner who is neither the requester nor the grantee approves or
 * refuses, owners revoke; the listing shows what is requested, in force, expired or ended.
 */
@Path("/projects/{key}/source-access")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "source-access")
public class ProjectSourceAccessResource {
    @Inject
    SourceAccessGrants grants;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    /** {@code POST /projects/{key}/source-access}. */
    public static class AccessRequest {
        @NotBlank(message = "{validation.required}")
        @Size(max = 500, message = "{validation.size}")
        public String repository;

        /** The person who gets the access; none: the requester. */
        @Size(max = 64, message = "{validation.size}")
        public String grantee;

        /** READ or CLONE. */
        @NotBlank(message = "{validation.required}")
        @Size(max = 10, message = "{validation.size}")
        public String access;

        @NotBlank(message = "{validation.required}")
        @Size(max = 2000, message = "{validation.size}")
        public String reason;

        /** The end of the access, an ISO-8601 instant. */
        @NotBlank(message = "{validation.required}")
        @Size(max = 40, message = "{validation.size}")
        public String validUntil;
    }

    /** The body of an approval, refusal (an optional note) or revocation (its reason, required). */
    public static class DecisionRequest {
        @Size(max = 2000, message = "{validation.size}")
        public String note;
    }

    /** A decision on a grant. */
    public record DecisionView(String by, Instant at, String note) {
        static DecisionView of(Optional<SourceAccessGrant.Decision> decision) {
            return decision.map(d -> new DecisionView(d.by(), d.at(), d.note().orElse(null))).orElse(null);
        }
    }

    /** A request or grant, with where it stands now. */
    public record GrantView(String id, String project, String repository, String grantee, String access, String reason,
            Instant validUntil, String state, String standing, String requestedBy, Instant requestedAt,
            DecisionView decision, DecisionView revocation) {
        static GrantView of(SourceAccessGrant g, Instant now) {
            return new GrantView(g.id().toString(), g.project().value(), g.repository(), g.grantee(), g.access().name(),
                    g.reason(), g.validUntil(), g.state().name(), g.standing(now).name(), g.requestedBy(), g.requestedAt(),
                    DecisionView.of(g.decision()), DecisionView.of(g.revocation()));
        }
    }

    @GET
    @Requires(value = Permission.SOURCE_ACCESS_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "The project's source-access requests and grants, newest first;"
            + " standing=all|requested|in-force|expired|ended")
    public List<GrantView> list(@PathParam("key") String key, @QueryParam("standing") @DefaultValue("all") String standing) {
        SourceAccessGrants.Filter filter = org.gatehouse.web.environment.EnvironmentRequests.parse(
                SourceAccessGrants.Filter.class, standing.replace('-', '_'), "standing");
        Instant now = grants.now();
        return grants.list(CurrentActor.of(request), key, filter).stream().map(g -> GrantView.of(g, now)).toList();
    }

    @GET
    @Path("{id}")
    @Requires(value = Permission.SOURCE_ACCESS_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "One source-access request or grant")
    public GrantView get(@PathParam("key") String key, @PathParam("id") String id) {
        return GrantView.of(grants.get(CurrentActor.of(request), key, id), grants.now());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.SOURCE_ACCESS_REQUEST, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Ask for access to a repository of the project: why, which access, until when")
    public Response create(@PathParam("key") String key, AccessRequest body) {
        AccessRequest valid = bodies.valid(body);
        SourceAccessGrants.Request asked = new SourceAccessGrants.Request(valid.repository,
                Optional.ofNullable(valid.grantee), org.gatehouse.web.environment.EnvironmentRequests.parse(
                        SourceAccessGrant.Access.class, valid.access, "access"),
                valid.reason, org.gatehouse.web.environment.EnvironmentRequests.instant(valid.validUntil, "validUntil")
                        .orElse(null));
        SourceAccessGrant grant = grants.request(CurrentActor.of(request), key, asked);
        return Response.status(Response.Status.CREATED).entity(GrantView.of(grant, grants.now())).build();
    }

    @POST
    @Path("{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.SOURCE_ACCESS_APPROVE, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Approve a request (a project owner who is neither the requester nor the grantee)")
    public GrantView approve(@PathParam("key") String key, @PathParam("id") String id, DecisionRequest body) {
        return GrantView.of(grants.approve(CurrentActor.of(request), key, id, note(body)), grants.now());
    }

    @POST
    @Path("{id}/refusal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.SOURCE_ACCESS_APPROVE, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Refuse a request")
    public GrantView refuse(@PathParam("key") String key, @PathParam("id") String id, DecisionRequest body) {
        return GrantView.of(grants.refuse(CurrentActor.of(request), key, id, note(body)), grants.now());
    }

    @POST
    @Path("{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.SOURCE_ACCESS_APPROVE, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Revoke an approved grant; the note is the reason (required)")
    public GrantView revoke(@PathParam("key") String key, @PathParam("id") String id, DecisionRequest body) {
        return GrantView.of(grants.revoke(CurrentActor.of(request), key, id, note(body).orElse("")), grants.now());
    }

    private Optional<String> note(DecisionRequest body) {
        return body == null ? Optional.empty() : Optional.ofNullable(bodies.valid(body).note);
    }
}
