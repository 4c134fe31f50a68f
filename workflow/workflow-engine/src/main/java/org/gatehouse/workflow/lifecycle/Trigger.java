package org.gatehouse.workflow.lifecycle;

/** What a user asks the lifecycle to do from the current phase (kebab-case, unique per source phase). */
public record Trigger(String name) {
    public static final Trigger ADVANCE = new Trigger("advance");
    public static final Trigger SEND_BACK = new Trigger("send-back");
    public static final Trigger CANCEL = new Trigger("cancel");

    public Trigger {
        Identifiers.requireKebab(name, "a trigger name");
    }

    public static boolean isWellFormed(String text) {
        return text != null && Identifiers.isKebab(text);
    }

    @Override
    public String toString() {
        return name;
    }
}
