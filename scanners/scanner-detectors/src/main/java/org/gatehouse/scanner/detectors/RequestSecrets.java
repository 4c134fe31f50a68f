package org.gatehouse.scanner.detectors;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * When a request value compared with a string constant is a hard-coded secret rather than a dispatch word
 * (B.1.4.7). Two signs, each enough on its own: the request field's name says credential ({@code password},
 * {@code X-Api-Token}, {@code key}), or the constant is shaped like a secret (6 to 128 characters without spaces,
 * slashes, dots or colons, letters with a symbol or with digits inside them: {@code s3cr3t}, {@code p@ssw0rd},
 * {@code e45e329feb5d925b}). Plain words ({@code delete}, {@code XMLHttpRequest}), names with a number at one end
 * ({@code base64}, {@code sha256}), numbers, MIME types, paths and versions are never shaped like secrets.
 */
final class RequestSecrets {
    /** How sure a comparison is a backdoor: both signs, or one. */
    enum Sign {
        BOTH, ONE
    }

    private static final List<String> CREDENTIAL_PARTS = List.of("password", "passwd", "pwd", "passphrase", "secret",
            "token", "apikey", "accesskey", "authkey", "magic", "backdoor", "credential");
    private static final Set<String> CREDENTIAL_NAMES = Set.of("pass", "pw", "key", "auth");
    private static final Set<String> NOT_SECRETS = Set.of("null", "true", "false", "undefined", "none", "empty");

    private RequestSecrets() {
    }

    static Optional<Sign> judge(Optional<String> fieldName, String constant) {
        if (constant.strip().length() < 4 || NOT_SECRETS.contains(constant.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        boolean name = fieldName.map(RequestSecrets::credentialName).orElse(false);
        boolean shape = secretShaped(constant);
        return name && shape ? Optional.of(Sign.BOTH) : name || shape ? Optional.of(Sign.ONE) : Optional.empty();
    }

    static boolean credentialName(String name) {
        String plain = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return CREDENTIAL_NAMES.contains(plain) || CREDENTIAL_PARTS.stream().anyMatch(plain::contains);
    }

    static boolean secretShaped(String constant) {
        if (constant.length() < 6 || constant.length() > 128 || constant.chars().anyMatch(c -> Character.isWhitespace(c)
                || c == '/' || c == '.' || c == ':' || Character.isISOControl(c))) {
            return false;
        }
        boolean letter = constant.chars().anyMatch(Character::isLetter);
        boolean symbol = constant.chars().anyMatch(c -> "!@#$%^&*+=~?".indexOf(c) >= 0);
        return letter && (symbol || letterDigitChanges(constant) >= 2);
    }

    /** How often a run of letters meets a run of digits: 1 for {@code base64}, 4 for {@code s3cr3t}. */
    private static int letterDigitChanges(String constant) {
        int changes = 0;
        int previous = 0; // 0 neither, 1 letter, 2 digit
        for (int i = 0; i < constant.length(); i++) {
            char c = constant.charAt(i);
            int kind = Character.isLetter(c) ? 1 : Character.isDigit(c) ? 2 : 0;
            if (kind != 0 && previous != 0 && kind != previous) {
                changes++;
            }
            previous = kind == 0 ? previous : kind;
        }
        return changes;
    }
}
