package org.gatehouse.workflow.lifecycle;

/**
 * The phases of the secure development lifecycle (B.1.3.1-ia; the six stages of 8.1). A definition
 * chooses which of them it uses and how they connect; stored by name, never by ordinal.
 */
public enum Phase {
    /** B.1.3.1-ib, 8.2 risk assessment (sets the protection level) and 8.3 requirements. */
    REQUIREMENTS,
    /** B.1.3.1-ic, 8.4 solution design. */
    DESIGN,
    /** B.1.3.1-id: coding against the secure development standards. */
    DEVELOPMENT,
    /** B.1.3.1-ie..ih, 8.5: white-box scan, black-box scan and manual security test as activities. */
    TESTING,
    /** B.1.3.1-ih: fixes re-tested and verified; the Security Audit Report. */
    SECURITY_AUDIT,
    /** 8.6: review of design, test and installation/configuration before production. */
    PRE_PRODUCTION_REVIEW,
    /** B.1.3.1-ii, 8.7: online; administrative rights handed over. */
    RELEASED,
    /** Abandoned; terminal. */
    CANCELLED
}
