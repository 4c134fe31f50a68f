package org.gatehouse.workflow.personnel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.gatehouse.identity.access.Role;
import org.gatehouse.workflow.api.ProtectionLevel;

/**
 * Which roles need vetting, and what a protection level requires of them (C.1, ADR 0019): the roles
 * that write, test and review the software (developer, tester, security reviewer); level 1 requires
 * nothing, level 2 a passed background check, a confidentiality agreement in force and a
 * security-awareness training in force, level 3 a secure-coding training in force as well. Project
 * owners, CI service accounts and the global roles are not vetted here.
 */
public final class VettingPolicy {
    private static final Set<Role> VETTED = Collections.unmodifiableSet(EnumSet.of(Role.DEVELOPER, Role.TESTER,
            Role.SECURITY_REVIEWER));

    private VettingPolicy() {
    }

    /** The roles a protection level may require vetting for. */
    public static Set<Role> vettedRoles() {
        return VETTED;
    }

    public static boolean appliesTo(Role role) {
        return VETTED.contains(role);
    }

    /** What a vetted role requires at a protection level. */
    public static Set<Prerequisite> requiredAt(ProtectionLevel level) {
        return switch (level) {
            case LEVEL_1 -> EnumSet.noneOf(Prerequisite.class);
            case LEVEL_2 -> EnumSet.of(Prerequisite.BACKGROUND_CHECK, Prerequisite.CONFIDENTIALITY_AGREEMENT,
                    Prerequisite.SECURITY_AWARENESS_TRAINING);
            case LEVEL_3 -> EnumSet.allOf(Prerequisite.class);
        };
    }

    /** What holding {@code role} on a project of that level requires (nothing for a role that is not vetted). */
    public static Set<Prerequisite> required(Role role, ProtectionLevel level) {
        return appliesTo(role) ? requiredAt(level) : EnumSet.noneOf(Prerequisite.class);
    }

    /**
     * The calendar day of an instant in UTC: dates of the register (signed, completed, expires) are UTC
     * days, and a date "expires on D" holds through the whole of D, UTC, and no longer.
     */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
