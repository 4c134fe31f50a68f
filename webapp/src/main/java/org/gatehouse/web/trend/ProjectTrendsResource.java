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
import org.gatehouse.findings.trend.TrendRange;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;

/**
 * A project's findings over time: {@code days} (1–366, default 90) ending today in {@code zone} (a
 * region id such as {@code Asia/Shanghai}; UTC by default).
 */
@Path("/projects/{key}/trends")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "findings")
public class ProjectTrendsResource {
    @Inject
    FindingTrends trends;

    @Context
    ContainerRequestContext request;

    @GET
    @Path("open-findings")
    @Requires(value = Permission.FINDING_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Open findings at the end of each day, per severity")
    public TrendViews.OpenFindingsView openFindings(@PathParam("key") String key, @QueryParam("days") String days,
            @QueryParam("zone") String zone) {
        return TrendViews.of(trends.openFindings(CurrentActor.of(request), key, TrendRange.days(days), zone));
    }

    @GET
    @Path("time-to-fix")
    @Requires(value = Permission.FINDING_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Findings fixed for the first time per week and severity, with the mean days from creation")
    public TrendViews.TimeToFixView timeToFix(@PathParam("key") String key, @QueryParam("days") String days,
            @QueryParam("zone") String zone) {
        return TrendViews.of(trends.timeToFix(CurrentActor.of(request), key, TrendRange.days(days), zone));
    }
}
