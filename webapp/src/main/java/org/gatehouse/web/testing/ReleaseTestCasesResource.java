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
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.findings.manual.ManualTests;
import org.gatehouse.findings.manual.NewTestCase;
import org.gatehouse.findings.manual.TestCase;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.problem.Problems;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;

/** The manual security test cases of a release (B.1.3.1-ih) and its security-function checklist (8.5.1). */
@Path("/releases/{id}/test-cases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "manual testing")
public class ReleaseTestCasesResource {
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
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "The release's test cases in key order, each with its latest result")
    public List<TestingViews.TestCaseView> list(@PathParam("id") String id) {
        return views().of(tests.casesOf(CurrentActor.of(request), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.FINDING_VERIFY, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Write a test case (testers, security reviewers); without a key it gets the next MT-nnn")
    public Response create(@PathParam("id") String id, TestCaseRequest body) {
        TestCaseRequest valid = bodies.valid(body);
        TestCase created = tests.create(CurrentActor.of(request), id, new NewTestCase(Optional.ofNullable(valid.key),
                valid.title, valid.steps, valid.expectedResult,
                valid.requirements == null ? List.of() : valid.requirements));
        return Response.created(uriInfo.getBaseUriBuilder().path(TestCasesResource.class).path(created.id().toString())
                .build()).entity(views().of(created)).build();
    }

    @POST
    @Path("checklist")
    @Requires(value = Permission.FINDING_VERIFY, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Add the security-function checklist (SF-01 … SF-12); adding it again adds nothing")
    public TestingViews.ChecklistView addChecklist(@PathParam("id") String id) {
        return views().of(tests.addChecklist(CurrentActor.of(request), id));
    }

    private TestingViews views() {
        return new TestingViews(Problems.locale(headers));
    }
}
