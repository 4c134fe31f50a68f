package org.gatehouse.web.lifecycle;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.problem.Problems;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.workflow.release.ReleaseLifecycles;

/**
 * The gate of a release as one call for CI: would {@code advance} pass from the current phase now,
 * and if not, every reason. Always 200 for a readable release; {@code passes} decides the build.
 */
@Path("/releases/{id}/gate")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "lifecycle")
public class ReleaseGateResource {
    @Inject
    ReleaseLifecycles lifecycles;

    @Inject
    Clock clock;

    @Context
    ContainerRequestContext request;

    @Context
    HttpHeaders headers;

    @GET
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Pass or fail for the release's next advance, with every blocking reason (for CI)")
    public LifecycleViews.GateAnswerView gate(@PathParam("id") String id) {
        Actor actor = CurrentActor.of(request);
        ReleaseLifecycles.Situation situation = lifecycles.situation(actor, id);
        return new LifecycleViews(lifecycles, Problems.locale(headers), clock.instant())
                .answer(situation, lifecycles.gate(actor, id));
    }
}
