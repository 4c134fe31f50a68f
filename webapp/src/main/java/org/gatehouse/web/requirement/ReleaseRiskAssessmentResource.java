package org.gatehouse.web.requirement;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;
import org.gatehouse.workflow.requirement.Requirements;
import org.gatehouse.workflow.requirement.RiskRating;

/** The risk assessment of a release (8.2-ek/el). */
@Path("/releases/{id}/risk-assessment")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "requirements")
public class ReleaseRiskAssessmentResource {
    @Inject
    Requirements requirements;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    @GET
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "The release's risk assessment and the protection level it yields; 404 when none yet")
    public RequirementViews.RiskAssessmentView get(@PathParam("id") String id) {
        return requirements.assessment(CurrentActor.of(request), id).map(RequirementViews::of)
                .orElseThrow(() -> new NotFoundException());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.REQUIREMENT_EDIT, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Record the risk assessment: asset value, likelihood, impact (1..3), threats, business loss")
    public RequirementViews.RiskAssessmentView put(@PathParam("id") String id, RiskAssessmentRequest body) {
        RiskAssessmentRequest valid = bodies.valid(body);
        return RequirementViews.of(requirements.assess(CurrentActor.of(request), id,
                new RiskRating(valid.assetValue, valid.likelihood, valid.impact), valid.threats, valid.businessLoss));
    }
}
