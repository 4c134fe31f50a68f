package org.gatehouse.web.testing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.findings.manual.ManualTests;
import org.gatehouse.findings.manual.NewExecution;
import org.gatehouse.findings.manual.TestResult;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.scanner.api.Severity;
import org.gatehouse.web.problem.Problems;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;

/**
 * One test case and its executions. The project is known only once the case is loaded: the filter
 * asks for the permission in some project, the boundary checks it in the case's project.
 */
@Path("/test-cases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "manual testing")
public class TestCasesResource {
    @Inject
    ManualTests tests;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("{id}")
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.FINDING)
    @Operation(summary = "A test case with its executions, newest first")
    public TestingViews.TestCaseDetailView get(@PathParam("id") String id) {
        return new TestingViews(Problems.locale(headers)).of(tests.get(CurrentActor.of(request), id));
    }

    @POST
    @Path("{id}/executions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.FINDING_VERIFY, scope = Requires.Scope.FINDING)
    @Operation(summary = "Record an execution; FAILED files (or reopens) the case's finding, PASSED verifies a claimed fix")
    public Response execute(@PathParam("id") String id, ExecutionRequest body) {
        ExecutionRequest valid = bodies.valid(body);
        ManualTests.Executed executed = tests.execute(CurrentActor.of(request), id, new NewExecution(
                TestResult.valueOf(valid.result), Optional.ofNullable(valid.notes), Optional.ofNullable(valid.evidence),
                Optional.ofNullable(valid.evidenceUrl), Optional.ofNullable(valid.severity).map(Severity::valueOf)));
        return Response.created(uriInfo.getBaseUriBuilder().path(TestCasesResource.class).path(id).build())
                .entity(TestingViews.of(executed)).build();
    }
}
