package org.gatehouse.identity.access;

/**
 * Roles (B.2.4.2-kb): three global ones and five that hold within one project. Stored by name.
 */
public enum Role {
    ADMINISTRATOR(true),
    SECURITY_ADMINISTRATOR(true),
    AUDITOR(true),
    PROJECT_OWNER(false),
    DEVELOPER(false),
    TESTER(false),
    SECURITY_REVIEWER(false),
    CI_SERVICE(false);

    private final boolean global;

    Role(boolean global) {
        this.global = global;
    }

    public boolean isGlobal() {
        return global;
    }
}
