package org.gatehouse.web.requirement;

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
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;
import org.gatehouse.workflow.requirement.AuditConclusion;
import org.gatehouse.workflow.requirement.DesignRecommendation;
import org.gatehouse.workflow.requirement.InvalidRequirementInput;
import org.gatehouse.workflow.requirement.PreProductionChecklist;
import org.gatehouse.workflow.requirement.ReleaseContent;
import org.gatehouse.workflow.requirement.Reviews;

/**
 * The reviews of a release that sign-offs agree to: the design review (B.1.3.1-ic, 8.4), the
 * Security Audit Report's conclusion (B.1.3.1-ih/ii) and the pre-production checklist (8.6, 8.7).
 */
@Path("/releases/{id}/reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "requirements")
public class ReleaseReviewsResource {
    @Inject
    Reviews reviews;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    public record DesignView(String key, String topic, String subject, String recommendation, List<String> requirements,
            String decision, String decisionNote, String createdBy, Instant updatedAt) {
    }

    public record AuditView(String verdict, String conclusion, String writtenBy, Instant writtenAt,
            Map<String, Integer> findings) {
    }

    public record CheckView(String item, String clause, String title, String titleZh, boolean checked, String note,
            String checkedBy, Instant checkedAt) {
    }

    public record CodingStandardView(String name, String version, String location, String documentSha256,
            String attachedBy, Instant attachedAt) {
    }

    public record ReviewsView(List<DesignView> designRecommendations, List<String> untracedRequirements, AuditView audit,
            List<CheckView> preProduction, CodingStandardView codingStandard) {
    }

    /** The coding standard's body. */
    public static class CodingStandardRequest {
        @jakarta.validation.constraints.NotBlank(message = "{validation.required}")
        @jakarta.validation.constraints.Size(max = 200, message = "{validation.size}")
        public String name;

        @jakarta.validation.constraints.NotBlank(message = "{validation.required}")
        @jakarta.validation.constraints.Size(max = 64, message = "{validation.size}")
        public String version;

        @jakarta.validation.constraints.Size(max = 1000, message = "{validation.size}")
        public String location;

        @jakarta.validation.constraints.Size(max = 64, message = "{validation.size}")
        public String documentSha256;
    }

    /** The audit conclusion's body. */
    public static class ConclusionRequest {
        @jakarta.validation.constraints.NotBlank(message = "{validation.required}")
        @jakarta.validation.constraints.Size(max = 10, message = "{validation.size}")
        public String verdict;

        @jakarta.validation.constraints.NotBlank(message = "{validation.required}")
        @jakarta.validation.constraints.Size(max = 8000, message = "{validation.size}")
        public String conclusion;
    }

    /** A checklist item's body. */
    public static class CheckRequest {
        public boolean checked;

        @jakarta.validation.constraints.Size(max = 4000, message = "{validation.size}")
        public String note;
    }

    @GET
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "The design review, the audit conclusion with the findings it covers, and the pre-production checklist")
    public ReviewsView get(@PathParam("id") String id) {
        ReleaseContent content = reviews.content(CurrentActor.of(request), id);
        List<CheckView> checks = PreProductionChecklist.items().stream().map(item -> {
            Optional<PreProductionChecklist.Check> check = content.checklist().stream()
                    .filter(c -> c.item().equals(item.key())).findFirst();
            return new CheckView(item.key(), item.clause(), item.title(), item.titleZh(),
                    check.map(PreProductionChecklist.Check::checked).orElse(false),
                    check.flatMap(PreProductionChecklist.Check::note).orElse(null),
                    check.map(PreProductionChecklist.Check::by).orElse(null),
                    check.map(PreProductionChecklist.Check::at).orElse(null));
        }).toList();
        return new ReviewsView(content.designs().stream().map(ReleaseReviewsResource::view).toList(),
                org.gatehouse.workflow.requirement.Agreements.untraced(content),
                content.audit().map(a -> new AuditView(a.verdict().name(), a.conclusion(), a.writtenBy(), a.writtenAt(),
                        content.findings())).orElse(null), checks,
                content.codingStandard().map(ReleaseReviewsResource::view).orElse(null));
    }

    @PUT
    @Path("coding-standard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.REQUIREMENT_EDIT, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Attach the secure development standard (name, version, location, document SHA-256) the release follows")
    public CodingStandardView attach(@PathParam("id") String id, CodingStandardRequest body) {
        CodingStandardRequest valid = bodies.valid(body);
        return view(reviews.attach(CurrentActor.of(request), id, valid.name, valid.version, present(valid.location),
                present(valid.documentSha256)));
    }

    private static CodingStandardView view(org.gatehouse.workflow.requirement.CodingStandard s) {
        return new CodingStandardView(s.name(), s.version(), s.location().orElse(null), s.documentSha256().orElse(null),
                s.attachedBy(), s.attachedAt());
    }

    @POST
    @Path("design-recommendations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.REQUIREMENT_EDIT, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Add or rewrite a design recommendation (key DR-n chosen when absent) with its decision")
    public DesignView design(@PathParam("id") String id, DesignRecommendationRequest body) {
        DesignRecommendationRequest valid = bodies.valid(body);
        DesignRecommendation.Topic topic = parse(DesignRecommendation.Topic.class, valid.topic, "topic");
        DesignRecommendation.Decision decision = valid.decision == null ? DesignRecommendation.Decision.PROPOSED
                : parse(DesignRecommendation.Decision.class, valid.decision, "decision");
        return view(reviews.design(CurrentActor.of(request), id, new Reviews.DesignDraft(present(valid.key), topic,
                valid.subject.strip(), valid.recommendation.strip(), valid.requirements == null ? List.of()
                        : valid.requirements.stream().map(String::strip).distinct().toList(), decision,
                present(valid.decisionNote))));
    }

    @PUT
    @Path("audit-conclusion")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.AUDIT_CONCLUDE, scope = Requires.Scope.RELEASE)
    @Operation(summary = "The security reviewer's verdict (APPROVE or REJECT) and conclusion of the Security Audit Report")
    public AuditView conclude(@PathParam("id") String id, ConclusionRequest body) {
        ConclusionRequest valid = bodies.valid(body);
        AuditConclusion a = reviews.conclude(CurrentActor.of(request), id,
                parse(AuditConclusion.Verdict.class, valid.verdict, "verdict"), valid.conclusion);
        return new AuditView(a.verdict().name(), a.conclusion(), a.writtenBy(), a.writtenAt(), Map.of());
    }

    @PUT
    @Path("pre-production/{item}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.RELEASE_APPROVE, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Check or uncheck an item of the pre-production review, with a note")
    public CheckView check(@PathParam("id") String id, @PathParam("item") String item, CheckRequest body) {
        CheckRequest valid = bodies.valid(body);
        PreProductionChecklist.Check check = reviews.check(CurrentActor.of(request), id, item, valid.checked,
                present(valid.note));
        PreProductionChecklist.Item known = PreProductionChecklist.items().stream().filter(i -> i.key().equals(item))
                .findFirst().orElseThrow();
        return new CheckView(item, known.clause(), known.title(), known.titleZh(), check.checked(),
                check.note().orElse(null), check.by(), check.at());
    }

    private static DesignView view(DesignRecommendation d) {
        return new DesignView(d.key(), d.topic().name(), d.subject(), d.recommendation(), d.requirements(),
                d.decision().name(), d.decisionNote().orElse(null), d.createdBy(), d.updatedAt());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String field) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequirementInput("review.unknown-value", field, text.length() > 40 ? text.substring(0, 40) : text);
        }
    }

    private static Optional<String> present(String text) {
        return Optional.ofNullable(text).map(String::strip).filter(t -> !t.isEmpty());
    }
}
