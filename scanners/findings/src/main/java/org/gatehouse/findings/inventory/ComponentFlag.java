package org.gatehouse.findings.inventory;

/** What a project says of one of its components, whatever its version (C.4). Stored by name. */
public enum ComponentFlag {
    /** Self-written cryptography: implemented and reviewed by two different people, gate {@code crypto.dual-control}. */
    SELF_WRITTEN_CRYPTO,
    /** A key security design: restricted distribution, listed only to owners, security reviewers and auditors. */
    KEY_SECURITY_DESIGN;

    /** A flag named in a request (case-insensitive). */
    public static ComponentFlag parse(String name) {
        for (ComponentFlag flag : values()) {
            if (name != null && flag.name().equalsIgnoreCase(name.strip())) {
                return flag;
            }
        }
        throw new LicencePolicy.Invalid("component-flag.unknown");
    }
}
