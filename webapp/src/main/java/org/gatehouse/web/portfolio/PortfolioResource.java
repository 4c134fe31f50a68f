package org.gatehouse.web.portfolio;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.findings.portfolio.Portfolio;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;

/**
 * The portfolio: the projects whose releases the caller may read, with protection level, releases in
 * flight and (where findings may be read) open findings by severity and SLA breaches. The gate state
 * of each release is {@code GET /releases/{id}/gate} (ADR 0017).
 */
@Path("/portfolio")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "portfolio")
public class PortfolioResource {
    @Inject
    Portfolio portfolio;

    @Context
    ContainerRequestContext request;

    @GET
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.ANY_PROJECT)
    @Operation(summary = "The caller's projects: protection level, releases in flight, open findings and SLA breaches")
    public PortfolioView get() {
        return PortfolioView.of(portfolio.of(CurrentActor.of(request)));
    }
}
