package org.gatehouse.identity.account;

import java.util.Optional;
import java.util.regex.Pattern;

/** A unique login name (B.1.3.2-ik): lower case, 2–64 characters, starting with a letter. */
public record LoginName(String value) {
    public static final String PATTERN = "[a-z][a-z0-9._-]{1,63}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    public LoginName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("not a login name: " + value);
        }
    }

    public static Optional<LoginName> parse(String text) {
        return text != null && VALID.matcher(text).matches() ? Optional.of(new LoginName(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
