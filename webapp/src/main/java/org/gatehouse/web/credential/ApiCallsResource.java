package org.gatehouse.web.credential;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.token.ApiCalls;
import org.gatehouse.web.paging.PageQuery;
import org.gatehouse.web.paging.PageView;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.workflow.project.Projects;

/** A project's API call log (TC260 7.8.3-dp): every request made with one of its tokens, newest first. */
@Path("/projects/{key}/api-calls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "credentials")
public class ApiCallsResource {
    @Inject
    ApiCalls calls;

    @Inject
    Projects projects;

    @Context
    ContainerRequestContext request;

    /** One logged call. */
    public record ApiCallView(String id, Instant calledAt, String account, String tokenId, String tokenPrefix,
            String address, String method, String path, int status, long bytesIn, long durationMs, String signature) {
        static ApiCallView of(ApiCalls.ApiCall c) {
            return new ApiCallView(c.id().toString(), c.calledAt().toInstant(), c.account(), c.tokenId().toString(),
                    c.tokenPrefix(), c.address(), c.method(), c.path(), c.status(), c.bytesIn(), c.durationMs(),
                    c.signature());
        }
    }

    @GET
    @Requires(value = Permission.API_CALL_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "The calls made with the project's API tokens, newest first (keyset pages)")
    public PageView<ApiCallView> list(@PathParam("key") String key, @BeanParam PageQuery page) {
        Actor actor = CurrentActor.of(request);
        return PageView.of(calls.page(actor, projects.get(actor, Permission.API_CALL_READ, key).key(), page.cursor(),
                page.limit()), ApiCallView::of);
    }
}
