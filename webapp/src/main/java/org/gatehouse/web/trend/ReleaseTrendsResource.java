package org.gatehouse.web.trend;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.findings.trend.FindingTrends;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;

/** A release's SLA burn-down: from its opening (at most 366 days back) to its closing or today, by day in {@code zone}. */
@Path("/releases/{id}/trends")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "findings")
public class ReleaseTrendsResource {
    @Inject
    FindingTrends trends;

    @Context
    ContainerRequestContext request;

    @GET
    @Path("sla-burn-down")
    @Requires(value = Permission.FINDING_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "The release's open findings and those past their SLA due date at the end of each day")
    public TrendViews.BurnDownView slaBurnDown(@PathParam("id") String id, @QueryParam("zone") String zone) {
        return TrendViews.of(trends.slaBurnDown(CurrentActor.of(request), id, zone));
    }
}
