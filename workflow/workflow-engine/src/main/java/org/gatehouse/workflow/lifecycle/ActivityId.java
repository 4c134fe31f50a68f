package org.gatehouse.workflow.lifecycle;

/** An activity inside a phase (B.1.3.1-ie: {@code white-box-scan}, {@code black-box-scan}, {@code manual-security-test}). */
public record ActivityId(String value) {
    public static final ActivityId WHITE_BOX_SCAN = new ActivityId("white-box-scan");
    public static final ActivityId BLACK_BOX_SCAN = new ActivityId("black-box-scan");
    public static final ActivityId MANUAL_SECURITY_TEST = new ActivityId("manual-security-test");

    public ActivityId {
        Identifiers.requireKebab(value, "an activity id");
    }

    public static boolean isWellFormed(String text) {
        return Identifiers.isKebab(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
