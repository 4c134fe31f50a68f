package org.gatehouse.web.personnel;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.problem.Problems;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;
import org.gatehouse.workflow.personnel.Personnel;

/**
 * A person's entry in the personnel register (C.1, ADR 0019): background check, confidentiality
 * agreement, trainings, and every project role with its rights and prerequisite state. Security
 * administrators record (each change audited; a change that starts or ends a role's suspension records
 * that too); security administrators and auditors read.
 */
@Path("/people/{login}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "personnel")
public class PeopleResource {
    @Inject
    Personnel personnel;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    @Context
    HttpHeaders headers;

    @GET
    @Requires(Permission.PERSONNEL_READ)
    @Operation(summary = "A person's register entry: vetting, trainings, and each project role with what it requires and lacks")
    public PersonnelViews.RegisterView get(@PathParam("login") String login) {
        return views().of(personnel.register(actor(), login));
    }

    @PUT
    @Path("background-check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.PERSONNEL_ADMIN)
    @Operation(summary = "Record or correct the person's background check (status PENDING, PASSED, FAILED; checkedOn; checkedBy)")
    public PersonnelViews.RegisterView backgroundCheck(@PathParam("login") String login, BackgroundCheckRequest body) {
        return views().of(personnel.recordBackgroundCheck(actor(), login, bodies.valid(body).entry()));
    }

    @PUT
    @Path("confidentiality-agreement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.PERSONNEL_ADMIN)
    @Operation(summary = "Record or renew the person's confidentiality agreement (signedOn, expiresOn, SHA-256 of the signed file)")
    public PersonnelViews.RegisterView agreement(@PathParam("login") String login, AgreementRequest body) {
        return views().of(personnel.recordAgreement(actor(), login, bodies.valid(body).entry()));
    }

    @POST
    @Path("trainings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.PERSONNEL_ADMIN)
    @Operation(summary = "Add a completed training (SECURITY_AWARENESS or SECURE_CODING with a language; completedOn, expiresOn)")
    public Response training(@PathParam("login") String login, TrainingRequest body) {
        return Response.status(Response.Status.CREATED)
                .entity(views().of(personnel.addTraining(actor(), login, bodies.valid(body).entry()))).build();
    }

    private PersonnelViews views() {
        return new PersonnelViews(Problems.locale(headers));
    }

    private Actor actor() {
        return CurrentActor.of(request);
    }
}
