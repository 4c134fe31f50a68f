package org.gatehouse.identity.access;

import static org.gatehouse.identity.access.Permission.ACCOUNT_ADMIN;
import static org.gatehouse.identity.access.Permission.ACCOUNT_READ;
import static org.gatehouse.identity.access.Permission.AUDIT_CONCLUDE;
import static org.gatehouse.identity.access.Permission.API_CALL_READ;
import static org.gatehouse.identity.access.Permission.AUDIT_READ;
import static org.gatehouse.identity.access.Permission.COMPLIANCE_READ;
import static org.gatehouse.identity.access.Permission.CREDENTIAL_ADMIN;
import static org.gatehouse.identity.access.Permission.DOCUMENT_KEYS;
import static org.gatehouse.identity.access.Permission.DOCUMENT_READ;
import static org.gatehouse.identity.access.Permission.DOCUMENT_WRITE;
import static org.gatehouse.identity.access.Permission.FINDING_READ;
import static org.gatehouse.identity.access.Permission.FINDING_IMPORT;
import static org.gatehouse.identity.access.Permission.FINDING_TRIAGE;
import static org.gatehouse.identity.access.Permission.FINDING_VERIFY;
import static org.gatehouse.identity.access.Permission.FINDING_APPROVE;
import static org.gatehouse.identity.access.Permission.GATE_WAIVE;
import static org.gatehouse.identity.access.Permission.RELEASE_ADVANCE;
import static org.gatehouse.identity.access.Permission.RELEASE_ADVANCE_SCAN;
import static org.gatehouse.identity.access.Permission.RELEASE_APPROVE;
import static org.gatehouse.identity.access.Permission.REQUIREMENT_EDIT;
import static org.gatehouse.identity.access.Permission.SIGN_OFF;
import static org.gatehouse.identity.access.Permission.NOTIFICATION_READ;
import static org.gatehouse.identity.access.Permission.PROJECT_CREATE;
import static org.gatehouse.identity.access.Permission.PROJECT_LIST;
import static org.gatehouse.identity.access.Permission.PROJECT_READ;
import static org.gatehouse.identity.access.Permission.PROJECT_UPDATE;
import static org.gatehouse.identity.access.Permission.RELEASE_CREATE;
import static org.gatehouse.identity.access.Permission.RELEASE_READ;
import static org.gatehouse.identity.access.Permission.ROLE_ADMIN;
import static org.gatehouse.identity.access.Permission.SELF;
import static org.gatehouse.identity.access.Permission.WEBHOOK_ADMIN;
import static org.gatehouse.identity.access.Permission.WEBHOOK_READ;
import static org.gatehouse.identity.access.Permission.TRACKER_ADMIN;
import static org.gatehouse.identity.access.Permission.TRACKER_LINK;
import static org.gatehouse.identity.access.Permission.WORKFLOW_ADMIN;
import static org.gatehouse.identity.access.Permission.WORKFLOW_READ;
import static org.gatehouse.identity.access.Permission.INVENTORY_MANAGE;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The permission matrix as data: role → permissions (B.2.4.2-kb/kc, least privilege). A global
 * role's permissions hold in every project; a project role's only in its project. What is not
 * listed is denied. The authorization-matrix IT calls every endpoint as every role against this.
 */
public final class PermissionMatrix {
    private static final Map<Role, Set<Permission>> MATRIX = new EnumMap<>(Role.class);

    static {
        // Administrators run the platform: accounts, roles, projects. They do not read the audit
        // trail (the auditor and the security administrator do) and do not approve security work.
        MATRIX.put(Role.ADMINISTRATOR, EnumSet.of(SELF, PROJECT_LIST, PROJECT_CREATE, PROJECT_READ, PROJECT_UPDATE,
                RELEASE_READ, ACCOUNT_READ, ACCOUNT_ADMIN, ROLE_ADMIN, CREDENTIAL_ADMIN, NOTIFICATION_READ));
        MATRIX.put(Role.SECURITY_ADMINISTRATOR, EnumSet.of(SELF, PROJECT_LIST, PROJECT_CREATE, PROJECT_READ,
                PROJECT_UPDATE, RELEASE_READ, ACCOUNT_READ, ROLE_ADMIN, CREDENTIAL_ADMIN, AUDIT_READ, NOTIFICATION_READ,
                FINDING_READ, GATE_WAIVE, DOCUMENT_READ, WORKFLOW_ADMIN, INVENTORY_MANAGE, DOCUMENT_KEYS));
        // Auditors read everything, change nothing.
        MATRIX.put(Role.AUDITOR, EnumSet.of(SELF, PROJECT_LIST, PROJECT_READ, RELEASE_READ, ACCOUNT_READ, AUDIT_READ,
                FINDING_READ, API_CALL_READ, DOCUMENT_READ, WEBHOOK_READ));
        MATRIX.put(Role.PROJECT_OWNER, EnumSet.of(SELF, PROJECT_LIST, PROJECT_READ, PROJECT_UPDATE, RELEASE_CREATE,
                RELEASE_READ, CREDENTIAL_ADMIN, FINDING_READ, FINDING_IMPORT, FINDING_TRIAGE, NOTIFICATION_READ, RELEASE_ADVANCE,
                RELEASE_APPROVE, REQUIREMENT_EDIT, SIGN_OFF, API_CALL_READ, DOCUMENT_READ, WEBHOOK_ADMIN, WEBHOOK_READ,
                TRACKER_ADMIN, TRACKER_LINK, INVENTORY_MANAGE, DOCUMENT_WRITE));
        // Developers triage their findings but cannot dismiss them alone or verify their own fixes.
        // Development teams move their releases through the gates; releasing and cancelling is for the
        // project owner and the security reviewer.
        MATRIX.put(Role.DEVELOPER, EnumSet.of(SELF, PROJECT_LIST, PROJECT_READ, RELEASE_READ, FINDING_READ, FINDING_IMPORT,
                FINDING_TRIAGE, RELEASE_ADVANCE, REQUIREMENT_EDIT, SIGN_OFF, DOCUMENT_READ, TRACKER_LINK, DOCUMENT_WRITE));
        MATRIX.put(Role.TESTER, EnumSet.of(SELF, PROJECT_LIST, PROJECT_READ, RELEASE_READ, FINDING_READ, FINDING_IMPORT,
                FINDING_TRIAGE, FINDING_VERIFY, RELEASE_ADVANCE, REQUIREMENT_EDIT, SIGN_OFF, DOCUMENT_READ, TRACKER_LINK));
        MATRIX.put(Role.SECURITY_REVIEWER, EnumSet.of(SELF, PROJECT_LIST, PROJECT_READ, RELEASE_READ, FINDING_READ,
                FINDING_IMPORT, FINDING_TRIAGE, FINDING_VERIFY, FINDING_APPROVE, RELEASE_ADVANCE, RELEASE_APPROVE,
                REQUIREMENT_EDIT, SIGN_OFF, AUDIT_CONCLUDE, DOCUMENT_READ, TRACKER_LINK, DOCUMENT_WRITE));
        // CI may advance only out of TESTING after a scan, with every gate passing unwaived (RELEASE_ADVANCE_SCAN)
        MATRIX.put(Role.CI_SERVICE, EnumSet.of(PROJECT_READ, RELEASE_CREATE, RELEASE_READ, FINDING_READ, FINDING_IMPORT,
                RELEASE_ADVANCE_SCAN));
        // issue 9 (C.2, 8.5.2, C.4): environments, devices, production keys, source-repository access
        MATRIX.get(Role.PROJECT_OWNER).addAll(EnumSet.of(Permission.ENVIRONMENT_READ, Permission.ENVIRONMENT_ADMIN,
                Permission.SOURCE_ACCESS_READ, Permission.SOURCE_ACCESS_REQUEST, Permission.SOURCE_ACCESS_APPROVE));
        MATRIX.get(Role.AUDITOR).addAll(EnumSet.of(Permission.ENVIRONMENT_READ, Permission.SOURCE_ACCESS_READ));
        MATRIX.get(Role.SECURITY_ADMINISTRATOR).addAll(EnumSet.of(Permission.ENVIRONMENT_READ,
                Permission.SOURCE_ACCESS_READ));
        for (Role person : EnumSet.of(Role.DEVELOPER, Role.TESTER, Role.SECURITY_REVIEWER)) {
            MATRIX.get(person).addAll(EnumSet.of(Permission.SOURCE_ACCESS_READ, Permission.SOURCE_ACCESS_REQUEST));
        }
        // the compliance matrix (issue 9): those who answer for the project's compliance and those who check it
        for (Role role : EnumSet.of(Role.SECURITY_ADMINISTRATOR, Role.AUDITOR, Role.PROJECT_OWNER, Role.SECURITY_REVIEWER)) {
            MATRIX.get(role).add(COMPLIANCE_READ);
        }
        // C.1 personnel register: security administrators keep it; auditors read it; project owners read
        // their project's team (duties, rights and prerequisite state). Administrators grant roles but do not vet.
        MATRIX.get(Role.SECURITY_ADMINISTRATOR).addAll(EnumSet.of(Permission.PERSONNEL_ADMIN, Permission.PERSONNEL_READ));
        MATRIX.get(Role.AUDITOR).add(Permission.PERSONNEL_READ);
        MATRIX.get(Role.PROJECT_OWNER).add(Permission.PERSONNEL_READ);
    }

    /** Permissions every logged-in person holds, whatever their roles. */
    private static final Set<Permission> EVERY_PERSON = EnumSet.of(SELF, PROJECT_LIST, WORKFLOW_READ);

    private PermissionMatrix() {
    }

    public static Set<Permission> of(Role role) {
        return Set.copyOf(MATRIX.get(role));
    }

    public static boolean grants(Role role, Permission permission) {
        return MATRIX.get(role).contains(permission);
    }

    public static Set<Permission> everyPerson() {
        return Set.copyOf(EVERY_PERSON);
    }
}
