package org.gatehouse.identity.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/**
 * The password policy, stricter than the guide's floor (B.1.3.2-il/im: at least 6 characters with
 * digits, upper and lower case; no empty password): by default at least 12 characters with a
 * digit, an upper-case and a lower-case letter, not containing the login name, at most 256.
 */
@ApplicationScoped
public class PasswordPolicy {
    static final int GUIDE_MINIMUM = 6;
    static final int MAXIMUM = 256;
    private int minimumLength;

    public PasswordPolicy() {
        this(12);
    }

    @Inject
    public PasswordPolicy(@ConfigProperty(name = "gatehouse.password.min-length", defaultValue = "12") int minimumLength) {
        this.minimumLength = Math.max(GUIDE_MINIMUM, minimumLength);
    }

    public int minimumLength() {
        return minimumLength;
    }

    /**
     * @throws WeakPassword naming every rule the password breaks
     */
    public void check(String password, LoginName login) {
        List<String> broken = new ArrayList<>();
        if (password == null || password.isBlank()) {
            throw new WeakPassword(List.of("password.empty"), minimumLength);
        }
        if (password.codePointCount(0, password.length()) < minimumLength) {
            broken.add("password.too-short");
        }
        if (password.length() > MAXIMUM) {
            broken.add("password.too-long");
        }
        if (password.chars().noneMatch(Character::isDigit)) {
            broken.add("password.no-digit");
        }
        if (password.chars().noneMatch(Character::isUpperCase)) {
            broken.add("password.no-upper");
        }
        if (password.chars().noneMatch(Character::isLowerCase)) {
            broken.add("password.no-lower");
        }
        if (password.toLowerCase(Locale.ROOT).contains(login.value().toLowerCase(Locale.ROOT))) {
            broken.add("password.contains-login");
        }
        if (!broken.isEmpty()) {
            throw new WeakPassword(broken, minimumLength);
        }
    }

    /** The rules a password breaks, as message keys of this package's bundle. */
    public static final class WeakPassword extends DomainException {
        private static final long serialVersionUID = 1L;
        private final transient List<String> rules;
        private final int minimumLength;

        WeakPassword(List<String> rules, int minimumLength) {
            super(ProblemType.WEAK_PASSWORD, rules.get(0), minimumLength);
            this.rules = List.copyOf(rules);
            this.minimumLength = minimumLength;
        }

        public List<String> rules() {
            return rules;
        }

        @Override
        public String detail(Locale locale) {
            return String.join(" ", rules.stream()
                    .map(key -> Messages.format(WeakPassword.class, key, locale, minimumLength)).toList());
        }
    }
}
