package org.gatehouse.workflow.lifecycle;

import java.util.regex.Pattern;

/** The shapes of lifecycle identifiers: kebab-case words, gate ids optionally namespaced by dots. */
final class Identifiers {
    private static final String WORD = "[a-z][a-z0-9]*(?:-[a-z0-9]+)*";
    private static final Pattern KEBAB = Pattern.compile(WORD);
    private static final Pattern DOTTED_KEBAB = Pattern.compile(WORD + "(?:\\." + WORD + ")*");
    private static final int MAX_LENGTH = 80;

    private Identifiers() {
    }

    static boolean isKebab(String text) {
        return text != null && text.length() <= MAX_LENGTH && KEBAB.matcher(text).matches();
    }

    static boolean isDottedKebab(String text) {
        return text != null && text.length() <= MAX_LENGTH && DOTTED_KEBAB.matcher(text).matches();
    }

    static String requireKebab(String text, String what) {
        if (!isKebab(text)) {
            throw new IllegalArgumentException(what + " must be kebab-case: " + text);
        }
        return text;
    }
}
