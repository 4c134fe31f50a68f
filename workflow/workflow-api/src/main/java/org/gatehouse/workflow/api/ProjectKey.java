package org.gatehouse.workflow.api;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The stable, human-typed key of a project, such as {@code SHOP}: an upper-case letter followed by
 * 1–15 upper-case letters or digits. It prefixes ticket keys ({@code SHOP-123}) and never changes.
 */
public record ProjectKey(String value) implements Comparable<ProjectKey> {
    public static final String PATTERN = "[A-Z][A-Z0-9]{1,15}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    public ProjectKey {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("not a project key: " + value);
        }
    }

    /** The key, or empty when the text cannot be one (a lookup by such text finds nothing). */
    public static Optional<ProjectKey> parse(String text) {
        return text != null && VALID.matcher(text).matches() ? Optional.of(new ProjectKey(text)) : Optional.empty();
    }

    @Override
    public int compareTo(ProjectKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
