package org.gatehouse.workflow.personnel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gatehouse.identity.access.AccountId;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.identity.outbox.EventType;
import org.gatehouse.identity.outbox.Outbox;
import org.gatehouse.identity.outbox.OutboxEvent;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.platform.sql.Jdbc;

/**
 * Records role suspensions (C.1, ADR 0019). A lapsed prerequisite takes effect at authorisation time
 * ({@link ProjectRolePrerequisites}); this records it: once per suspension, in the audit trail
 * ({@code role.suspended}, {@code role.reinstated}) and in the outbox for the project's owners
 * ({@link EventType#ROLE_SUSPENDED}, {@link EventType#ROLE_REINSTATED}). The sweep looks at every
 * vetted grant; a change of a person's register looks at that person's grants in its own transaction.
 * The {@code role_suspension} row is the memory of what was recorded: inserting it (or deleting it) is
 * what a concurrent sweep races for, so each change is told once.
 */
@ApplicationScoped
public class RoleSuspensions {
    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    /** The sweep over every vetted grant, in a transaction of its own: how many changes it recorded. */
    @Transactional
    public int sweep() {
        try {
            return reconcile(Jdbc.enlisted(em.unwrap(Connection.class)), Optional.empty(), Actor.system("personnel-sweep"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot sweep the role suspensions", e);
        }
    }

    /** Records the suspensions that started or ended, of one person or of everyone, on the caller's transaction. */
    public int reconcile(Connection c, Optional<AccountId> account, Actor actor) throws SQLException {
        Instant now = clock.instant();
        List<PersonnelStore.Grant> grants = PersonnelStore.vettedGrants(c, account);
        Map<UUID, PersonnelRecord> records = PersonnelStore.records(c, PersonnelStore.people(grants));
        Set<UUID> recorded = PersonnelStore.suspensions(c, account).keySet();
        Vetting.Plan plan = Vetting.plan(Vetting.lapsed(grants, records, VettingPolicy.dayOf(now)), grants, recorded);
        int changes = 0;
        for (Map.Entry<PersonnelStore.Grant, Set<Prerequisite>> e : plan.suspend().entrySet()) {
            PersonnelStore.Grant grant = e.getKey();
            if (PersonnelStore.suspend(c, grant, e.getValue(), now.atOffset(ZoneOffset.UTC))) {
                String missing = e.getValue().stream().map(Prerequisite::wireName).collect(Collectors.joining(", "));
                audit.record(actor, AuditEntry.success("role.suspended", "account:" + grant.login(), "C.1 " + grant.role()
                        + " in " + grant.project() + " (protection level " + grant.level().number() + ") suspended: missing "
                        + missing));
                outbox.publish(OutboxEvent.of(EventType.ROLE_SUSPENDED, new ProjectKey(grant.project()),
                        "account:" + grant.login(), data(grant, e.getValue())));
                changes++;
            }
        }
        for (PersonnelStore.Grant grant : plan.reinstate()) {
            if (PersonnelStore.reinstate(c, grant.id())) {
                audit.record(actor, AuditEntry.success("role.reinstated", "account:" + grant.login(), "C.1 " + grant.role()
                        + " in " + grant.project() + " holds again: its prerequisites are renewed"));
                outbox.publish(OutboxEvent.of(EventType.ROLE_REINSTATED, new ProjectKey(grant.project()),
                        "account:" + grant.login(), data(grant, Set.of())));
                changes++;
            }
        }
        return changes;
    }

    private static JsonObject data(PersonnelStore.Grant grant, Set<Prerequisite> missing) {
        JsonArrayBuilder lacks = Json.createArrayBuilder();
        missing.forEach(p -> lacks.add(p.wireName()));
        return Json.createObjectBuilder().add("login", grant.login()).add("role", grant.role().name())
                .add("project", grant.project()).add("protectionLevel", grant.level().number()).add("missing", lacks)
                .build();
    }
}
