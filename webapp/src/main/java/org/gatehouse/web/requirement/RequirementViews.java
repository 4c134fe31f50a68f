package org.gatehouse.web.requirement;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.gatehouse.identity.access.Role;
import org.gatehouse.workflow.requirement.Agreements;
import org.gatehouse.workflow.requirement.Requirement;
import org.gatehouse.workflow.requirement.RiskAssessment;
import org.gatehouse.workflow.requirement.SignOff;
import org.gatehouse.workflow.requirement.SignOffSubject;
import org.gatehouse.workflow.requirement.SubjectStatus;

/** How the API shows requirements, the risk assessment and sign-offs. */
final class RequirementViews {
    private RequirementViews() {
    }

    public record RequirementView(String key, String clause, String title, String titleZh, String description,
            String ticket, String testPoint, List<Integer> scanCwes, String origin, String createdBy, Instant createdAt,
            Instant updatedAt, Instant withdrawnAt) {
    }

    /** The release's requirements with the digests to sign: requirements (text) and test recommendations (test points). */
    public record RequirementsView(List<RequirementView> items, String requirementsSha256, String testRecommendationsSha256) {
    }

    public record RiskAssessmentView(int assetValue, int likelihood, int impact, int score, int level, String threats,
            String businessLoss, String assessedBy, Instant assessedAt, String contentSha256) {
    }

    public record SignOffView(String role, String signer, Instant signedAt, String comment) {
    }

    public record SubjectView(String subject, String gate, String contentSha256, List<String> requiredRoles,
            List<SignOffView> signOffs, List<String> missing, List<String> lacking, boolean agreed) {
    }

    static RequirementView of(Requirement r) {
        return new RequirementView(r.key(), r.clause().orElse(null), r.title(), r.titleZh().orElse(null),
                r.description().orElse(null), r.ticket().orElse(null), r.testPoint().orElse(null), r.scanCwes(), r.origin().name(),
                r.createdBy(), r.createdAt(), r.updatedAt(), r.withdrawnAt().orElse(null));
    }

    static RequirementsView of(List<Requirement> requirements) {
        return new RequirementsView(requirements.stream().map(RequirementViews::of).toList(),
                Agreements.digest(SignOffSubject.SECURITY_REQUIREMENTS, requirements, java.util.Optional.empty()).orElse(null),
                Agreements.digest(SignOffSubject.TEST_RECOMMENDATIONS, requirements, java.util.Optional.empty()).orElse(null));
    }

    static RiskAssessmentView of(RiskAssessment a) {
        return new RiskAssessmentView(a.rating().assetValue(), a.rating().likelihood(), a.rating().impact(),
                a.rating().score(), a.rating().level().number(), a.threats(), a.businessLoss(), a.assessedBy(),
                a.assessedAt(), Agreements.digest(SignOffSubject.RISK_ASSESSMENT, List.of(), java.util.Optional.of(a))
                        .orElseThrow());
    }

    static SubjectView of(SubjectStatus status) {
        return new SubjectView(slug(status.subject()), status.subject().gate(), status.contentSha256().orElse(null),
                status.subject().roles().stream().map(Role::name).toList(),
                status.signOffs().stream().map(RequirementViews::of).toList(),
                status.missing().stream().map(Role::name).toList(), status.lacking(), status.agreed());
    }

    static SignOffView of(SignOff s) {
        return new SignOffView(s.role().name(), s.signer(), s.signedAt(), s.comment().orElse(null));
    }

    static String slug(SignOffSubject subject) {
        return subject.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
