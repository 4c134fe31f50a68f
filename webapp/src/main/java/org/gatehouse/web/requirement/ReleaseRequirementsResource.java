package org.gatehouse.web.requirement;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;
import org.gatehouse.workflow.requirement.Requirements;

/**
 * A release's security requirements (B.1.3.1-ib, 8.3) and risk assessment (8.2). A new release
 * starts from the baseline catalog; requirements are withdrawn, never deleted. The digests in the
 * listing are what sign-offs agree to.
 */
@Path("/releases/{id}/requirements")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "requirements")
public class ReleaseRequirementsResource {
    @Inject
    Requirements requirements;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    @GET
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "The release's security requirements with the digests sign-offs agree to")
    public RequirementViews.RequirementsView list(@PathParam("id") String id) {
        return RequirementViews.of(requirements.list(actor(), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.REQUIREMENT_EDIT, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Add a project-specific requirement (key SR-… chosen when absent; optional ticket key and test point)")
    public Response add(@PathParam("id") String id, RequirementRequest body) {
        RequirementRequest valid = bodies.valid(body);
        return Response.status(Response.Status.CREATED)
                .entity(RequirementViews.of(requirements.add(actor(), id, valid.draft()))).build();
    }

    @POST
    @Path("baseline")
    @Requires(value = Permission.REQUIREMENT_EDIT, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Add the baseline catalog's requirements the release lacks (idempotent)")
    public Map<String, Integer> baseline(@PathParam("id") String id) {
        return Map.of("added", requirements.addBaseline(actor(), id));
    }

    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.REQUIREMENT_EDIT, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Rewrite a requirement's title, description, ticket and test point")
    public RequirementViews.RequirementView update(@PathParam("id") String id, @PathParam("key") String key,
            RequirementRequest body) {
        RequirementRequest valid = bodies.valid(body);
        return RequirementViews.of(requirements.update(actor(), id, key, valid.draft()));
    }

    @DELETE
    @Path("{key}")
    @Requires(value = Permission.REQUIREMENT_EDIT, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Withdraw a requirement (kept, marked withdrawn)")
    public Response withdraw(@PathParam("id") String id, @PathParam("key") String key) {
        requirements.withdraw(actor(), id, key);
        return Response.noContent().build();
    }

    private Actor actor() {
        return CurrentActor.of(request);
    }
}
