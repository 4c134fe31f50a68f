package org.gatehouse.web.personnel;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.workflow.personnel.BackgroundCheck;
import org.gatehouse.workflow.personnel.ConfidentialityAgreement;
import org.gatehouse.workflow.personnel.Personnel;
import org.gatehouse.workflow.personnel.Prerequisite;
import org.gatehouse.workflow.personnel.Training;

/** The register as JSON (C.1): dates as ISO days (UTC), prerequisites by their stable wire names with a label. */
public final class PersonnelViews {
    private final Locale locale;

    PersonnelViews(Locale locale) {
        this.locale = locale;
    }

    /** A prerequisite: its wire name and its name in the reader's language. */
    public record PrerequisiteView(String prerequisite, String label) {
    }

    public record BackgroundCheckView(String status, String checkedOn, String checkedBy, String note, String recordedBy,
            String recordedAt) {
    }

    public record AgreementView(String signedOn, String expiresOn, boolean inForce, String documentSha256, String documentName,
            String recordedBy, String recordedAt) {
    }

    public record TrainingView(String id, String course, String kind, String language, String completedOn, String expiresOn,
            boolean inForce, String recordedBy, String recordedAt) {
    }

    /** One role on one project: its permissions (the rights), and the prerequisite state of its holder. */
    public record AssignmentView(String project, int protectionLevel, String role, List<String> permissions,
            List<PrerequisiteView> required, List<PrerequisiteView> missing, boolean suspended, String holdsThrough,
            String suspensionRecordedAt) {
    }

    public record RegisterView(String login, String displayName, String asOf, List<PrerequisiteView> held,
            BackgroundCheckView backgroundCheck, AgreementView confidentialityAgreement, List<TrainingView> trainings,
            List<AssignmentView> roles) {
    }

    public record MemberView(String login, String displayName, List<PrerequisiteView> held, List<AssignmentView> roles,
            boolean vetted) {
    }

    public record TeamView(String project, int protectionLevel, List<PrerequisiteView> required, String asOf,
            List<MemberView> members) {
    }

    RegisterView of(Personnel.Register register) {
        var record = register.record();
        var day = register.asOf();
        return new RegisterView(record.login(), record.displayName(), day.toString(), prerequisites(register.held()),
                record.backgroundCheck().map(this::of).orElse(null),
                record.agreement().map(a -> of(a, a.inForceOn(day))).orElse(null),
                record.trainings().stream().map(t -> of(t, t.inForceOn(day))).toList(),
                register.assignments().stream().map(this::of).toList());
    }

    TeamView of(Personnel.Team team) {
        return new TeamView(team.project().value(), team.level().number(), prerequisites(team.required()),
                team.asOf().toString(), team.members().stream().map(m -> new MemberView(m.login(), m.displayName(),
                        prerequisites(m.held()), m.duties().stream().map(this::of).toList(),
                        m.duties().stream().noneMatch(Personnel.Assignment::suspended))).toList());
    }

    private AssignmentView of(Personnel.Assignment a) {
        return new AssignmentView(a.project(), a.level().number(), a.role().name(),
                a.permissions().stream().map(Permission::name).sorted().toList(), prerequisites(a.required()),
                prerequisites(a.missing()), a.suspended(), a.holdsThrough().map(Object::toString).orElse(null),
                a.suspendedSince().map(Object::toString).orElse(null));
    }

    private BackgroundCheckView of(BackgroundCheck c) {
        return new BackgroundCheckView(c.status().name(), c.checkedOn().toString(), c.checkedBy(), c.note().orElse(null),
                c.recordedBy(), c.recordedAt().toString());
    }

    private AgreementView of(ConfidentialityAgreement a, boolean inForce) {
        return new AgreementView(a.signedOn().toString(), a.expiresOn().toString(), inForce, a.documentSha256(),
                a.documentName().orElse(null), a.recordedBy(), a.recordedAt().toString());
    }

    private TrainingView of(Training t, boolean inForce) {
        return new TrainingView(t.id().toString(), t.course(), t.kind().name(), t.language().orElse(null),
                t.completedOn().toString(), t.expiresOn().toString(), inForce, t.recordedBy(), t.recordedAt().toString());
    }

    private List<PrerequisiteView> prerequisites(Set<Prerequisite> set) {
        return set.stream().sorted().map(p -> new PrerequisiteView(p.wireName(), p.label(locale))).toList();
    }
}
