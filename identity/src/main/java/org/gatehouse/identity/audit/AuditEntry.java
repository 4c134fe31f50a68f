package org.gatehouse.identity.audit;

/** What happened, to what, and how it ended: the event part of an audit record (B.2.4.3-kf). */
public record AuditEntry(String type, String target, String description, AuditResult result) {
    static final int MAX_TEXT = 2000;

    public AuditEntry {
        if (type == null || type.isBlank() || target == null || description == null || result == null) {
            throw new IllegalArgumentException("an audit entry needs type, target, description and result");
        }
        description = description.length() > MAX_TEXT ? description.substring(0, MAX_TEXT) : description;
        target = target.length() > 400 ? target.substring(0, 400) : target;
    }

    public static AuditEntry success(String type, String target, String description) {
        return new AuditEntry(type, target, description, AuditResult.SUCCESS);
    }

    public static AuditEntry denied(String type, String target, String description) {
        return new AuditEntry(type, target, description, AuditResult.DENIED);
    }

    public static AuditEntry failed(String type, String target, String description) {
        return new AuditEntry(type, target, description, AuditResult.FAILED);
    }
}
