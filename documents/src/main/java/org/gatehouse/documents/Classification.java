package org.gatehouse.documents;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.identity.access.Role;

/**
 * A document's classification level (C.3) and the distribution scope it gets by default: the roles
 * (global, or in the release's project) that may read it. Nobody outside the scope reads the document,
 * whatever else they may read.
 */
public enum Classification {
    /** Anyone who may read documents of the project. */
    PUBLIC("公开", EnumSet.of(Role.PROJECT_OWNER, Role.DEVELOPER, Role.TESTER, Role.SECURITY_REVIEWER, Role.AUDITOR,
            Role.SECURITY_ADMINISTRATOR)),
    /** Any person role in the project, auditors and security administrators. */
    INTERNAL("内部", EnumSet.of(Role.PROJECT_OWNER, Role.DEVELOPER, Role.TESTER, Role.SECURITY_REVIEWER, Role.AUDITOR,
            Role.SECURITY_ADMINISTRATOR)),
    /** The project owner, security reviewers, auditors and security administrators. */
    CONFIDENTIAL("机密", EnumSet.of(Role.PROJECT_OWNER, Role.SECURITY_REVIEWER, Role.AUDITOR, Role.SECURITY_ADMINISTRATOR)),
    /** Security reviewers, auditors and security administrators only. */
    SECRET("绝密", EnumSet.of(Role.SECURITY_REVIEWER, Role.AUDITOR, Role.SECURITY_ADMINISTRATOR));

    private final String labelZh;
    private final Set<Role> defaultScope;

    Classification(String labelZh, Set<Role> defaultScope) {
        this.labelZh = labelZh;
        this.defaultScope = defaultScope;
    }

    public Set<Role> defaultScope() {
        return EnumSet.copyOf(defaultScope);
    }

    public String label(DocumentLanguage language) {
        return language == DocumentLanguage.ZH_CN ? labelZh : name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Classification> parse(String text) {
        for (Classification c : values()) {
            if (c.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
