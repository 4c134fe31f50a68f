package org.gatehouse.findings.inventory;

/** What a policy does with a component whose licence is unknown or missing (C.4). */
public enum UnknownLicences {
    /** A finding (medium) for each such component: the default, since unlicensed use is what C.4 forbids. */
    FINDING,
    /** Accepted without a finding (the inventory still shows the verdict). */
    ALLOW;

    /** The rule named in a request (case-insensitive); none named: {@link #FINDING}. */
    public static UnknownLicences parse(String name) {
        if (name == null || name.isBlank()) {
            return FINDING;
        }
        for (UnknownLicences rule : values()) {
            if (rule.name().equalsIgnoreCase(name.strip())) {
                return rule;
            }
        }
        throw new LicencePolicy.Invalid("licence-policy.unknown-rule");
    }
}
