package org.gatehouse.web.personnel;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.problem.Problems;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.workflow.personnel.Personnel;

/**
 * A project's team (C.1: duties and access rights per project made explicit): everyone with a role in
 * the project, each role's permissions, what the project's protection level requires of it, what is
 * missing today and whether the role is suspended. Project owners, auditors and security administrators.
 */
@Path("/projects/{key}/team")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "personnel")
public class ProjectTeamResource {
    @Inject
    Personnel personnel;

    @Context
    ContainerRequestContext request;

    @Context
    HttpHeaders headers;

    @GET
    @Requires(value = Permission.PERSONNEL_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "The project's team: each person's roles, their rights and prerequisite state, suspended or not")
    public PersonnelViews.TeamView get(@PathParam("key") String key) {
        return new PersonnelViews(Problems.locale(headers)).of(personnel.team(CurrentActor.of(request), key));
    }
}
