package org.gatehouse.workflow.personnel;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gatehouse.identity.access.AccountId;
import org.gatehouse.identity.access.Role;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.workflow.api.ProtectionLevel;

/** The register's rows (V20) on the caller's connection: parameterised statements only. */
final class PersonnelStore {
    /** A person account. */
    record Person(AccountId account, String login, String displayName) {
    }

    /** One project role grant with its holder and the project's protection level. */
    record Grant(UUID id, AccountId account, String login, String displayName, Role role, String project,
            ProtectionLevel level) {
    }

    /** A suspension as recorded by the sweep. */
    record Suspension(UUID grant, Set<Prerequisite> missing, OffsetDateTime since) {
    }

    private static final String GRANTS = "SELECT g.id, g.account_id, a.login, a.display_name, g.role, g.project_key,"
            + " p.protection_level FROM role_grant g JOIN account a ON a.id = g.account_id"
            + " JOIN project p ON p.project_key = g.project_key WHERE g.project_key IS NOT NULL";

    private PersonnelStore() {
    }

    static Optional<Person> person(Connection c, String login) throws SQLException {
        return Jdbc.first(c, "SELECT id, login, display_name FROM account WHERE login = ? AND kind = 'PERSON'",
                r -> new Person(new AccountId(r.getObject(1, UUID.class)), r.getString(2), r.getString(3)), login);
    }

    static PersonnelRecord record(Connection c, Person person) throws SQLException {
        return records(c, List.of(person)).get(person.account().value());
    }

    /** The entries of these people, by account id (an empty entry for someone with nothing recorded). */
    static Map<UUID, PersonnelRecord> records(Connection c, Collection<Person> people) throws SQLException {
        Map<UUID, Person> byId = new LinkedHashMap<>();
        people.forEach(p -> byId.put(p.account().value(), p));
        if (byId.isEmpty()) {
            return Map.of();
        }
        Array ids = c.createArrayOf("uuid", byId.keySet().toArray());
        Map<UUID, BackgroundCheck> checks = new HashMap<>();
        for (Map.Entry<UUID, BackgroundCheck> e : Jdbc.list(c, "SELECT account_id, status, checked_on, checked_by, note,"
                + " recorded_by, recorded_at FROM person_background_check WHERE account_id = ANY (?)",
                r -> Map.entry(r.getObject(1, UUID.class), new BackgroundCheck(BackgroundCheck.Status.valueOf(r.getString(2)),
                        r.getObject(3, LocalDate.class), r.getString(4), Optional.ofNullable(r.getString(5)),
                        r.getString(6), r.getObject(7, OffsetDateTime.class).toInstant())), ids)) {
            checks.put(e.getKey(), e.getValue());
        }
        Map<UUID, ConfidentialityAgreement> agreements = new HashMap<>();
        for (Map.Entry<UUID, ConfidentialityAgreement> e : Jdbc.list(c, "SELECT account_id, signed_on, expires_on,"
                + " document_sha256, document_name, recorded_by, recorded_at FROM person_confidentiality_agreement"
                + " WHERE account_id = ANY (?)",
                r -> Map.entry(r.getObject(1, UUID.class), new ConfidentialityAgreement(r.getObject(2, LocalDate.class),
                        r.getObject(3, LocalDate.class), r.getString(4), Optional.ofNullable(r.getString(5)), r.getString(6),
                        r.getObject(7, OffsetDateTime.class).toInstant())), ids)) {
            agreements.put(e.getKey(), e.getValue());
        }
        Map<UUID, List<Training>> trainings = new HashMap<>();
        for (Map.Entry<UUID, Training> e : Jdbc.list(c, "SELECT account_id, id, course, kind, language, completed_on,"
                + " expires_on, recorded_by, recorded_at FROM person_training WHERE account_id = ANY (?)",
                r -> Map.entry(r.getObject(1, UUID.class), new Training(r.getObject(2, UUID.class), r.getString(3),
                        Training.Kind.valueOf(r.getString(4)), Optional.ofNullable(r.getString(5)),
                        r.getObject(6, LocalDate.class), r.getObject(7, LocalDate.class), r.getString(8),
                        r.getObject(9, OffsetDateTime.class).toInstant())), ids)) {
            trainings.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        Map<UUID, PersonnelRecord> records = new LinkedHashMap<>();
        byId.forEach((id, p) -> records.put(id, new PersonnelRecord(p.account(), p.login(), p.displayName(),
                Optional.ofNullable(checks.get(id)), Optional.ofNullable(agreements.get(id)),
                trainings.getOrDefault(id, List.of()))));
        return records;
    }

    /** The distinct holders of these grants, in order. */
    static List<Person> people(List<Grant> grants) {
        Map<UUID, Person> people = new LinkedHashMap<>();
        grants.forEach(g -> people.putIfAbsent(g.account().value(), new Person(g.account(), g.login(), g.displayName())));
        return List.copyOf(people.values());
    }

    static void save(Connection c, AccountId account, BackgroundCheck check) throws SQLException {
        Jdbc.update(c, "INSERT INTO person_background_check (account_id, status, checked_on, checked_by, note, recorded_by,"
                + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET status = EXCLUDED.status,"
                + " checked_on = EXCLUDED.checked_on, checked_by = EXCLUDED.checked_by, note = EXCLUDED.note,"
                + " recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at", account.value(),
                check.status().name(), check.checkedOn(), check.checkedBy(), check.note().orElse(null), check.recordedBy(),
                utc(check.recordedAt()));
    }

    static void save(Connection c, AccountId account, ConfidentialityAgreement agreement) throws SQLException {
        Jdbc.update(c, "INSERT INTO person_confidentiality_agreement (account_id, signed_on, expires_on, document_sha256,"
                + " document_name, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE"
                + " SET signed_on = EXCLUDED.signed_on, expires_on = EXCLUDED.expires_on,"
                + " document_sha256 = EXCLUDED.document_sha256, document_name = EXCLUDED.document_name,"
                + " recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at", account.value(),
                agreement.signedOn(), agreement.expiresOn(), agreement.documentSha256(), agreement.documentName().orElse(null),
                agreement.recordedBy(), utc(agreement.recordedAt()));
    }

    static void insert(Connection c, AccountId account, Training training) throws SQLException {
        Jdbc.update(c, "INSERT INTO person_training (id, account_id, course, kind, language, completed_on, expires_on,"
                + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", training.id(), account.value(),
                training.course(), training.kind().name(), training.language().orElse(null), training.completedOn(),
                training.expiresOn(), training.recordedBy(), utc(training.recordedAt()));
    }

    static int trainings(Connection c, AccountId account) throws SQLException {
        return Jdbc.first(c, "SELECT count(*) FROM person_training WHERE account_id = ?", r -> r.getInt(1), account.value())
                .orElse(0);
    }

    /** The protection level of each of these projects that exists. */
    static Map<String, ProtectionLevel> levels(Connection c, Collection<String> projects) throws SQLException {
        Map<String, ProtectionLevel> levels = new HashMap<>();
        for (Map.Entry<String, ProtectionLevel> e : Jdbc.list(c, "SELECT project_key, protection_level FROM project"
                + " WHERE project_key = ANY (?)", r -> Map.entry(r.getString(1), ProtectionLevel.of(r.getInt(2))),
                c.createArrayOf("text", projects.toArray()))) {
            levels.put(e.getKey(), e.getValue());
        }
        return levels;
    }

    static Optional<String> projectOfRelease(Connection c, UUID release) throws SQLException {
        return Jdbc.first(c, "SELECT project_key FROM release WHERE id = ?", r -> r.getString(1), release);
    }

    /** Every project role grant in a project (all roles), holder login order. */
    static List<Grant> team(Connection c, String project) throws SQLException {
        return Jdbc.list(c, GRANTS + " AND g.project_key = ? ORDER BY a.login, g.role", PersonnelStore::grant, project);
    }

    /** Every project role grant of one account (all roles), project order. */
    static List<Grant> grantsOf(Connection c, AccountId account) throws SQLException {
        return Jdbc.list(c, GRANTS + " AND g.account_id = ? ORDER BY g.project_key, g.role", PersonnelStore::grant,
                account.value());
    }

    /** The grants of vetted roles, of one account or of everyone. */
    static List<Grant> vettedGrants(Connection c, Optional<AccountId> account) throws SQLException {
        Array roles = c.createArrayOf("text", VettingPolicy.vettedRoles().stream().map(Role::name).toArray());
        return account.isPresent()
                ? Jdbc.list(c, GRANTS + " AND g.role = ANY (?) AND g.account_id = ? ORDER BY g.id", PersonnelStore::grant,
                        roles, account.get().value())
                : Jdbc.list(c, GRANTS + " AND g.role = ANY (?) ORDER BY g.id", PersonnelStore::grant, roles);
    }

    /** The recorded suspensions, of one account or of everyone, by grant. */
    static Map<UUID, Suspension> suspensions(Connection c, Optional<AccountId> account) throws SQLException {
        String sql = "SELECT grant_id, missing, suspended_at FROM role_suspension"
                + (account.isPresent() ? " WHERE account_id = ?" : "");
        Map<UUID, Suspension> all = new HashMap<>();
        for (Suspension s : Jdbc.list(c, sql, r -> new Suspension(r.getObject(1, UUID.class), prerequisites(r.getArray(2)),
                r.getObject(3, OffsetDateTime.class)), account.map(a -> new Object[] {a.value()}).orElse(new Object[0]))) {
            all.put(s.grant(), s);
        }
        return all;
    }

    /** The recorded suspensions of these grants, by grant. */
    static Map<UUID, Suspension> suspensionsOf(Connection c, List<Grant> grants) throws SQLException {
        Map<UUID, Suspension> all = new HashMap<>();
        if (grants.isEmpty()) {
            return all;
        }
        for (Suspension s : Jdbc.list(c, "SELECT grant_id, missing, suspended_at FROM role_suspension WHERE grant_id = ANY (?)",
                r -> new Suspension(r.getObject(1, UUID.class), prerequisites(r.getArray(2)), r.getObject(3, OffsetDateTime.class)),
                c.createArrayOf("uuid", grants.stream().map(Grant::id).toArray()))) {
            all.put(s.grant(), s);
        }
        return all;
    }

    /** Records a suspension once: false when another sweep recorded it first. */
    static boolean suspend(Connection c, Grant grant, Set<Prerequisite> missing, OffsetDateTime at) throws SQLException {
        return Jdbc.update(c, "INSERT INTO role_suspension (grant_id, account_id, project_key, role, missing, suspended_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (grant_id) DO NOTHING", grant.id(), grant.account().value(),
                grant.project(), grant.role().name(), c.createArrayOf("text", missing.stream().map(Prerequisite::wireName)
                        .toArray()), at) == 1;
    }

    /** Ends a recorded suspension once: false when another sweep ended it first. */
    static boolean reinstate(Connection c, UUID grant) throws SQLException {
        return Jdbc.update(c, "DELETE FROM role_suspension WHERE grant_id = ?", grant) == 1;
    }

    private static Grant grant(ResultSet r) throws SQLException {
        return new Grant(r.getObject(1, UUID.class), new AccountId(r.getObject(2, UUID.class)), r.getString(3),
                r.getString(4), Role.valueOf(r.getString(5)), r.getString(6), ProtectionLevel.of(r.getInt(7)));
    }

    private static Set<Prerequisite> prerequisites(Array array) throws SQLException {
        Set<Prerequisite> set = EnumSet.noneOf(Prerequisite.class);
        for (Object o : (Object[]) array.getArray()) {
            Prerequisite.of(String.valueOf(o)).ifPresent(set::add);
        }
        return set;
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
