package org.gatehouse.identity.audit;

/** The result column of the guide's audit record. */
public enum AuditResult {
    SUCCESS, DENIED, FAILED
}
