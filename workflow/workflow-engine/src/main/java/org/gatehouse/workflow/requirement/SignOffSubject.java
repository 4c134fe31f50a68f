package org.gatehouse.workflow.requirement;

import java.util.List;
import org.gatehouse.identity.access.Role;
import org.gatehouse.workflow.lifecycle.DefaultDefinitions;

/**
 * What the named parties agree to (B.1.3.1-ib "达成共识"), the roles whose signatures it needs, and
 * the gate it satisfies. One person signs one role per content (separation of duties).
 */
public enum SignOffSubject {
    /** 8.2: the risk assessment that sets the protection level. */
    RISK_ASSESSMENT(DefaultDefinitions.RISK_ASSESSMENT_COMPLETE, List.of(Role.PROJECT_OWNER, Role.SECURITY_REVIEWER)),
    /** B.1.3.1-ib: the Security Requirements Analysis Recommendations, agreed with business owner and developers. */
    SECURITY_REQUIREMENTS(DefaultDefinitions.REQUIREMENTS_AGREED,
            List.of(Role.PROJECT_OWNER, Role.DEVELOPER, Role.SECURITY_REVIEWER)),
    /** B.1.3.1-ib: the Security Test Recommendations, agreed with the testers. */
    TEST_RECOMMENDATIONS(DefaultDefinitions.TEST_RECOMMENDATIONS_AGREED, List.of(Role.TESTER, Role.SECURITY_REVIEWER)),
    /** B.1.3.1-ic: the Product Design Security Recommendations, agreed with the developers. */
    DESIGN_RECOMMENDATIONS(DefaultDefinitions.DESIGN_RECOMMENDATIONS_AGREED, List.of(Role.DEVELOPER, Role.SECURITY_REVIEWER)),
    /** B.1.3.1-ih/ii: the Security Audit Report, signed by a security reviewer; its permission lets the release go online. */
    SECURITY_AUDIT_REPORT(DefaultDefinitions.SECURITY_AUDIT_REPORT_SIGNED, List.of(Role.SECURITY_REVIEWER)),
    /** 8.6, 8.7: the pre-production review checklist, agreed by the owner and the security reviewer. */
    PRE_PRODUCTION_REVIEW(DefaultDefinitions.PRE_PRODUCTION_CHECKLIST_COMPLETE,
            List.of(Role.PROJECT_OWNER, Role.SECURITY_REVIEWER)),
    /** B.1.3.1-id: the secure development standard, adopted by the owner and acknowledged by the developers. */
    CODING_STANDARD(DefaultDefinitions.CODING_STANDARD_ATTACHED, List.of(Role.PROJECT_OWNER, Role.DEVELOPER));

    private final String gate;
    private final List<Role> roles;

    SignOffSubject(String gate, List<Role> roles) {
        this.gate = gate;
        this.roles = roles;
    }

    public String gate() {
        return gate;
    }

    /** The roles whose sign-off the subject needs, each by a different person. */
    public List<Role> roles() {
        return roles;
    }

    /** The subject named in a URL or request ({@code security-requirements}), case-insensitively. */
    public static SignOffSubject parse(String text) {
        for (SignOffSubject subject : values()) {
            if (subject.name().replace('_', '-').equalsIgnoreCase(text) || subject.name().equalsIgnoreCase(text)) {
                return subject;
            }
        }
        throw new InvalidRequirementInput("sign-off.unknown-subject", String.valueOf(text).length() > 60
                ? String.valueOf(text).substring(0, 60) : String.valueOf(text));
    }
}
