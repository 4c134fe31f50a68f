package org.gatehouse.workflow.personnel;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.access.PermissionMatrix;
import org.gatehouse.identity.access.Role;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.project.ProjectNotFound;
import org.gatehouse.platform.sql.Jdbc;

/**
 * Transaction boundary of the personnel register (C.1, ADR 0019). Security administrators record a
 * person's background check, confidentiality agreement and trainings (PERSONNEL_ADMIN); security
 * administrators and auditors read a person's entry, and a project's owners its team (PERSONNEL_READ).
 * Every change is audited and, in the same transaction, the suspensions it ends or starts are recorded.
 */
@ApplicationScoped
@Transactional
public class Personnel {
    /** Bounds the trainings kept per person. */
    static final int MAX_TRAININGS = 500;

    @Inject
    AuditTrail audit;

    @Inject
    RoleSuspensions suspensions;

    @Inject
    Clock clock;

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    /** A background check as written (status PENDING, PASSED or FAILED; ISO date). */
    public record BackgroundCheckEntry(String status, String checkedOn, String checkedBy, String note) {
    }

    /** A confidentiality agreement as written: ISO dates and the signed file's SHA-256. */
    public record AgreementEntry(String signedOn, String expiresOn, String documentSha256, String documentName) {
    }

    /** A training as written (kind SECURITY_AWARENESS or SECURE_CODING, with an optional language). */
    public record TrainingEntry(String course, String kind, String language, String completedOn, String expiresOn) {
    }

    /**
     * One role of a person on a project, made explicit (C.1: duties and access rights per project): the
     * permissions it grants, what the project's level requires of it, what is missing today, until when
     * it holds, and since when it is recorded as suspended.
     */
    public record Assignment(String project, ProtectionLevel level, Role role, Set<Permission> permissions,
            Set<Prerequisite> required, Set<Prerequisite> missing, Optional<LocalDate> holdsThrough,
            Optional<OffsetDateTime> suspendedSince) {
        /** Whether the role grants nothing now (its prerequisites lapsed). */
        public boolean suspended() {
            return !missing.isEmpty();
        }
    }

    /** A person's register entry as of a day (UTC), with what holds and every project role. */
    public record Register(PersonnelRecord record, LocalDate asOf, Set<Prerequisite> held, List<Assignment> assignments) {
    }

    /** A member of a project's team with the roles held there. */
    public record Member(String login, String displayName, Set<Prerequisite> held, List<Assignment> duties) {
    }

    /** A project's team: what its level requires, as of a day (UTC), and each person with a role in it. */
    public record Team(ProjectKey project, ProtectionLevel level, Set<Prerequisite> required, LocalDate asOf,
            List<Member> members) {
    }

    @Transactional
    public Register register(Actor actor, String login) {
        require(actor, Permission.PERSONNEL_READ);
        return read(c -> registerOf(c, person(c, login)));
    }

    /** Records (or corrects) the person's background check. */
    public Register recordBackgroundCheck(Actor actor, String login, BackgroundCheckEntry entry) {
        require(actor, Permission.PERSONNEL_ADMIN);
        BackgroundCheck check = BackgroundCheck.recorded(entry.status(), entry.checkedOn(), entry.checkedBy(), entry.note(),
                actor.name(), clock.instant());
        return write(c -> {
            PersonnelStore.Person person = person(c, login);
            PersonnelStore.save(c, person.account(), check);
            audit.record(actor, AuditEntry.success("personnel.background-check", "account:" + person.login(),
                    "C.1 background check " + check.status() + " on " + check.checkedOn() + " by " + check.checkedBy()));
            return changed(c, actor, person);
        });
    }

    /** Records (or renews) the person's confidentiality agreement. */
    public Register recordAgreement(Actor actor, String login, AgreementEntry entry) {
        require(actor, Permission.PERSONNEL_ADMIN);
        ConfidentialityAgreement agreement = ConfidentialityAgreement.recorded(entry.signedOn(), entry.expiresOn(),
                entry.documentSha256(), entry.documentName(), actor.name(), clock.instant());
        return write(c -> {
            PersonnelStore.Person person = person(c, login);
            PersonnelStore.save(c, person.account(), agreement);
            audit.record(actor, AuditEntry.success("personnel.confidentiality-agreement", "account:" + person.login(),
                    "C.1 confidentiality agreement signed " + agreement.signedOn() + ", in force through "
                            + agreement.expiresOn() + ", SHA-256 " + agreement.documentSha256()));
            return changed(c, actor, person);
        });
    }

    /** Adds a completed training (a renewal is a new one; trainings are never changed). */
    public Register addTraining(Actor actor, String login, TrainingEntry entry) {
        require(actor, Permission.PERSONNEL_ADMIN);
        Training training = Training.recorded(Uuid7.next(clock), entry.course(), entry.kind(), entry.language(),
                entry.completedOn(), entry.expiresOn(), actor.name(), clock.instant());
        return write(c -> {
            PersonnelStore.Person person = person(c, login);
            if (PersonnelStore.trainings(c, person.account()) >= MAX_TRAININGS) {
                throw new InvalidPersonnelInput("personnel.too-many-trainings", MAX_TRAININGS);
            }
            PersonnelStore.insert(c, person.account(), training);
            audit.record(actor, AuditEntry.success("personnel.training", "account:" + person.login(),
                    "C.1 training " + training.kind() + training.language().map(l -> " (" + l + ")").orElse("") + " \""
                            + training.course() + "\" completed " + training.completedOn() + ", in force through "
                            + training.expiresOn()));
            return changed(c, actor, person);
        });
    }

    /** The project's team: every person with a role there, their duties, rights and prerequisite state. */
    @Transactional
    public Team team(Actor actor, String key) {
        ProjectKey project = ProjectKey.parse(key).orElseThrow(() -> new ProjectNotFound(key));
        if (!actor.may(Permission.PERSONNEL_READ, project)) {
            throw new AccessDenied(Permission.PERSONNEL_READ);
        }
        return read(c -> {
            ProtectionLevel level = Optional.ofNullable(PersonnelStore.levels(c, List.of(project.value())).get(project.value()))
                    .orElseThrow(() -> new ProjectNotFound(key));
            List<PersonnelStore.Grant> grants = PersonnelStore.team(c, project.value());
            Map<UUID, PersonnelRecord> records = PersonnelStore.records(c, PersonnelStore.people(grants));
            Map<UUID, PersonnelStore.Suspension> suspended = PersonnelStore.suspensionsOf(c, grants);
            LocalDate today = VettingPolicy.dayOf(clock.instant());
            Map<String, Member> members = new LinkedHashMap<>();
            for (PersonnelStore.Grant grant : grants) {
                PersonnelRecord record = records.get(grant.account().value());
                Member member = members.computeIfAbsent(grant.login(), k -> new Member(grant.login(), grant.displayName(),
                        record.heldOn(today), new ArrayList<>()));
                member.duties().add(assignment(grant, record, suspended, today));
            }
            List<Member> list = members.values().stream()
                    .map(m -> new Member(m.login(), m.displayName(), m.held(), List.copyOf(m.duties()))).toList();
            return new Team(project, level, VettingPolicy.requiredAt(level), today, list);
        });
    }

    /** The people of the release's project lacking what {@code level} requires of their vetted roles (the gate). */
    @Transactional
    public List<Lapse> lapses(ReleaseId release, ProtectionLevel level, Instant now) {
        return read(c -> {
            Optional<String> project = PersonnelStore.projectOfRelease(c, release.value());
            if (project.isEmpty()) {
                return List.of();
            }
            List<PersonnelStore.Grant> team = PersonnelStore.team(c, project.get());
            return Vetting.lapses(team, PersonnelStore.records(c, PersonnelStore.people(team)), level, VettingPolicy.dayOf(now));
        });
    }

    private Register changed(Connection c, Actor actor, PersonnelStore.Person person) throws SQLException {
        suspensions.reconcile(c, Optional.of(person.account()), actor);
        return registerOf(c, person);
    }

    private Register registerOf(Connection c, PersonnelStore.Person person) throws SQLException {
        PersonnelRecord record = PersonnelStore.record(c, person);
        List<PersonnelStore.Grant> grants = PersonnelStore.grantsOf(c, person.account());
        Map<UUID, PersonnelStore.Suspension> suspended = PersonnelStore.suspensionsOf(c, grants);
        LocalDate today = VettingPolicy.dayOf(clock.instant());
        List<Assignment> assignments = grants.stream().map(g -> assignment(g, record, suspended, today)).toList();
        return new Register(record, today, record.heldOn(today), assignments);
    }

    private static Assignment assignment(PersonnelStore.Grant grant, PersonnelRecord record,
            Map<UUID, PersonnelStore.Suspension> suspended, LocalDate today) {
        Set<Prerequisite> required = VettingPolicy.required(grant.role(), grant.level());
        return new Assignment(grant.project(), grant.level(), grant.role(), PermissionMatrix.of(grant.role()), required,
                record.missing(required, today), record.holdsThrough(required, today),
                Optional.ofNullable(suspended.get(grant.id())).map(PersonnelStore.Suspension::since));
    }

    private static PersonnelStore.Person person(Connection c, String login) throws SQLException {
        return PersonnelStore.person(c, login == null ? "" : login).orElseThrow(() -> new PersonNotFound(login));
    }

    private static void require(Actor actor, Permission permission) {
        if (!actor.may(permission)) {
            throw new AccessDenied(permission);
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T write(Work<T> work) {
        try {
            return work.on(Jdbc.enlisted(em.unwrap(Connection.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the personnel register", e);
        }
    }

    private <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the personnel register", e);
        }
    }
}
