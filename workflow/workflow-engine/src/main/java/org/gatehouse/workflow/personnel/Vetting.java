package org.gatehouse.workflow.personnel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.gatehouse.identity.access.Role;
import org.gatehouse.workflow.api.ProtectionLevel;

/**
 * The rules of C.1 over grants and register entries, pure: which grants lapse on a day, which people a
 * team's vetting lacks, and what a sweep must record given what it recorded before.
 */
final class Vetting {
    private Vetting() {
    }

    /** What a sweep records: suspensions new since the last one (with what is missing) and suspensions that ended. */
    record Plan(Map<PersonnelStore.Grant, Set<Prerequisite>> suspend, List<PersonnelStore.Grant> reinstate) {
    }

    /** The grants whose prerequisites do not hold on {@code day} at their project's current level, with what is missing. */
    static Map<PersonnelStore.Grant, Set<Prerequisite>> lapsed(List<PersonnelStore.Grant> grants,
            Map<UUID, PersonnelRecord> records, LocalDate day) {
        Map<PersonnelStore.Grant, Set<Prerequisite>> lapsed = new LinkedHashMap<>();
        for (PersonnelStore.Grant grant : grants) {
            Set<Prerequisite> required = VettingPolicy.required(grant.role(), grant.level());
            if (required.isEmpty()) {
                continue;
            }
            PersonnelRecord record = records.getOrDefault(grant.account().value(),
                    PersonnelRecord.empty(grant.account(), grant.login(), grant.displayName()));
            Set<Prerequisite> missing = record.missing(required, day);
            if (!missing.isEmpty()) {
                lapsed.put(grant, missing);
            }
        }
        return lapsed;
    }

    /** Compares the grants lapsed now with the suspensions recorded: each change is recorded once. */
    static Plan plan(Map<PersonnelStore.Grant, Set<Prerequisite>> lapsed, List<PersonnelStore.Grant> grants,
            Set<UUID> recorded) {
        Map<PersonnelStore.Grant, Set<Prerequisite>> suspend = new LinkedHashMap<>();
        lapsed.forEach((grant, missing) -> {
            if (!recorded.contains(grant.id())) {
                suspend.put(grant, missing);
            }
        });
        List<PersonnelStore.Grant> reinstate = new ArrayList<>();
        for (PersonnelStore.Grant grant : grants) {
            if (recorded.contains(grant.id()) && !lapsed.containsKey(grant)) {
                reinstate.add(grant);
            }
        }
        return new Plan(suspend, reinstate);
    }

    /**
     * The people of a team that lack what {@code level} requires of their vetted roles, by login: the
     * {@code team.vetted} gate's reasons.
     */
    static List<Lapse> lapses(List<PersonnelStore.Grant> team, Map<UUID, PersonnelRecord> records, ProtectionLevel level,
            LocalDate day) {
        Map<String, Set<Role>> roles = new TreeMap<>();
        Map<String, Set<Prerequisite>> missing = new TreeMap<>();
        for (PersonnelStore.Grant grant : team) {
            Set<Prerequisite> required = VettingPolicy.required(grant.role(), level);
            if (required.isEmpty()) {
                continue;
            }
            PersonnelRecord record = records.getOrDefault(grant.account().value(),
                    PersonnelRecord.empty(grant.account(), grant.login(), grant.displayName()));
            Set<Prerequisite> lacks = record.missing(required, day);
            if (!lacks.isEmpty()) {
                roles.computeIfAbsent(grant.login(), k -> EnumSet.noneOf(Role.class)).add(grant.role());
                missing.computeIfAbsent(grant.login(), k -> EnumSet.noneOf(Prerequisite.class)).addAll(lacks);
            }
        }
        List<Lapse> lapses = new ArrayList<>();
        roles.forEach((login, held) -> lapses.add(new Lapse(login, held, missing.get(login))));
        return lapses;
    }
}
