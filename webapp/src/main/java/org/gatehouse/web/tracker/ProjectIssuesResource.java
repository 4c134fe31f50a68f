package org.gatehouse.web.tracker;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.tracking.sync.IssueLinks;
import org.gatehouse.tracking.sync.LinkView;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;

/** Findings filed as issues in the project's tracker (issue 7). */
@Path("/projects/{key}/tracker/issues")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "issue trackers")
public class ProjectIssuesResource {
    @Inject
    IssueLinks links;

    @Inject
    RequestBodies bodies;

    @Inject
    @ConfigProperty(name = "gatehouse.public-url")
    Optional<String> publicUrl;

    @Context
    ContainerRequestContext request;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.TRACKER_LINK, scope = Requires.Scope.PROJECT)
    @Operation(summary = "File findings as issues: one issue each, or one for the group (\"group\": true)")
    public Response file(@PathParam("key") String key, IssueRequest body) {
        IssueRequest valid = bodies.valid(body);
        URI gatehouse = publicUrl.filter(u -> !u.isBlank()).map(URI::create)
                .orElseGet(() -> uri.getBaseUri().resolve("/"));
        IssueLinks.Filed filed = links.file(CurrentActor.of(request), TrackerConnectionResource.project(key),
                valid.findingIds, Boolean.TRUE.equals(valid.group), gatehouse);
        return Response.status(filed.created().isEmpty() ? 502 : 201).entity(filed).build();
    }

    @GET
    @Requires(value = Permission.FINDING_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "The project's findings filed as issues, newest first, with each issue's last known state")
    public List<LinkView> list(@PathParam("key") String key, @QueryParam("limit") @DefaultValue("200") int limit) {
        return links.list(CurrentActor.of(request), TrackerConnectionResource.project(key), limit);
    }
}
