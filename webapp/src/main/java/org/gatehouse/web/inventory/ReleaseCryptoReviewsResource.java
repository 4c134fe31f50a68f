package org.gatehouse.web.inventory;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.findings.inventory.CryptoReviews;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;

/** Dual control of a release's self-written cryptography (C.4): a security reviewer reviews what a developer wrote. */
@Path("/releases/{id}/crypto-reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "inventory")
public class ReleaseCryptoReviewsResource {
    @Inject
    CryptoReviews reviews;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    /** The reviewed component (its identity), its implementer's login, a note. */
    public static class ReviewRequest {
        @Size(max = 2000, message = "{validation.size}")
        public String identity;

        @Size(max = 64, message = "{validation.size}")
        public String implementer;

        @Size(max = 2000, message = "{validation.size}")
        public String note;
    }

    public record ReviewView(String identity, String implementer, String reviewer, String note, Instant reviewedAt) {
        static ReviewView of(CryptoReviews.Review r) {
            return new ReviewView(r.identity(), r.implementer(), r.reviewer(), r.note(), r.reviewedAt().toInstant());
        }
    }

    @GET
    @Requires(value = Permission.FINDING_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "The release's reviews of self-written cryptography")
    public List<ReviewView> list(@PathParam("id") String id) {
        return reviews.of(CurrentActor.of(request), id).stream().map(ReviewView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.SIGN_OFF, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Record the review of a flagged cryptography component: the reviewer (a security reviewer)"
            + " and the implementer (a developer of the project) must be different people")
    public ReviewView record(@PathParam("id") String id, ReviewRequest body) {
        ReviewRequest valid = bodies.valid(body);
        return ReviewView.of(reviews.record(CurrentActor.of(request), id, valid.identity, valid.implementer, valid.note));
    }
}
