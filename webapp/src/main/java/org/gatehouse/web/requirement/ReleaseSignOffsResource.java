package org.gatehouse.web.requirement;

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
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;
import org.gatehouse.workflow.requirement.SignOffSubject;
import org.gatehouse.workflow.requirement.SignOffs;

/**
 * Consensus sign-offs of a release (B.1.3.1-ib): per subject, the digest of its content now, the
 * roles it needs, who signed that exact content, and what is missing. Signing names the digest read,
 * so that nobody agrees to content they have not seen.
 */
@Path("/releases/{id}/sign-offs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "requirements")
public class ReleaseSignOffsResource {
    @Inject
    SignOffs signOffs;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    @GET
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Each subject's agreement: content digest, required roles, sign-offs for that content, missing roles")
    public List<RequirementViews.SubjectView> status(@PathParam("id") String id) {
        return signOffs.status(CurrentActor.of(request), id).stream().map(RequirementViews::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.SIGN_OFF, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Sign a subject's content (its digest as read) in a role you hold; signed and time-stamped")
    public RequirementViews.SubjectView sign(@PathParam("id") String id, SignOffRequest body) {
        SignOffRequest valid = bodies.valid(body);
        return RequirementViews.of(signOffs.sign(CurrentActor.of(request), id, SignOffSubject.parse(valid.subject),
                valid.role, valid.contentSha256, Optional.ofNullable(valid.comment)));
    }
}
