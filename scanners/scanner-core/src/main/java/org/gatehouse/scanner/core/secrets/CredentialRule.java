package org.gatehouse.scanner.core.secrets;

import java.util.regex.Pattern;
import org.gatehouse.scanner.api.Severity;

/**
 * The credential patterns of the secrets check (C.2, 8.5.2). Deliberately few and documented (ADR
 * 0022), not a Gitleaks rule set: Gitleaks reports import through their own plugin. Each pattern is
 * linear (no nested quantifiers) and runs over lines of at most {@link BoundedLines#MAX_LINE} chars.
 * The two {@code registered-*} rules are the production-key matches, not patterns.
 */
public enum CredentialRule {
    /** A PEM private key block of any kind (PKCS#1, PKCS#8, EC, DSA, OpenSSH, encrypted). */
    PRIVATE_KEY("private-key", "Private key", Severity.HIGH,
            Pattern.compile("-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----")),
    /** An AWS access key id (long-term AKIA…, temporary ASIA…). */
    AWS_ACCESS_KEY_ID("aws-access-key-id", "AWS access key id", Severity.HIGH,
            Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])")),
    /** An AWS secret access key assigned to a name that says so. */
    AWS_SECRET_ACCESS_KEY("aws-secret-access-key", "AWS secret access key", Severity.HIGH,
            Pattern.compile("(?i)aws_?secret_?access_?key[\"']?\\s{0,5}[:=]{1,2}\\s{0,5}[\"']?[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])")),
    /**
     * A password, secret, API key or token (also {@code access_token}, {@code auth-token}) assigned a literal of at least 8 characters
     * ({@code password=…}, {@code "apiKey": "…"}); placeholders ({@code ${…}}, {@code <…>}, {@code %…%},
     * {@code {{…}}}, repeated characters such as {@code ********}) are not reported.
     */
    PASSWORD_ASSIGNMENT("password-assignment", "Password or secret assigned in plain text", Severity.HIGH,
            Pattern.compile("(?i)(?<![A-Za-z0-9])(?:password|passwd|pwd|secret|api[_-]?key|token)"
                    + "[\"']?\\s{0,5}[:=]{1,2}\\s{0,5}[\"']?([^\\s\"'`,;]{8,200})")),
    /** A PEM block whose public key is a registered production key (private key, public key or certificate). */
    REGISTERED_KEY("registered-production-key", "Registered production key", Severity.CRITICAL, null),
    /** A string whose keyed hash is a registered production secret. */
    REGISTERED_SECRET("registered-production-secret", "Registered production secret", Severity.CRITICAL, null);

    private final String id;
    private final String title;
    private final Severity severity;
    private final Pattern pattern;

    CredentialRule(String id, String title, Severity severity, Pattern pattern) {
        this.id = id;
        this.title = title;
        this.severity = severity;
        this.pattern = pattern;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Severity severity() {
        return severity;
    }

    /** Whether the line holds this credential (always false for the registered-key rules). */
    boolean matches(String line) {
        if (pattern == null || !mayMatch(line)) {
            return false;
        }
        java.util.regex.Matcher matcher = pattern.matcher(line);
        while (matcher.find()) {
            if (this != PASSWORD_ASSIGNMENT || !placeholder(matcher.group(1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A cheap test that rules the regular expression out for most lines (literal searches are intrinsics;
     * the patterns with alternatives and look-behinds are not): a necessary condition, never a sufficient one.
     */
    private boolean mayMatch(String line) {
        return switch (this) {
            case PRIVATE_KEY -> line.contains("PRIVATE KEY");
            case AWS_ACCESS_KEY_ID -> line.contains("AKIA") || line.contains("ASIA");
            case AWS_SECRET_ACCESS_KEY -> assigns(line) && containsIgnoringCase(line, "aws");
            case PASSWORD_ASSIGNMENT -> assigns(line) && containsIgnoringCase(line, "password", "passwd", "pwd", "secret",
                    "api", "token");
            case REGISTERED_KEY, REGISTERED_SECRET -> false;
        };
    }

    private static boolean assigns(String line) {
        return line.indexOf('=') >= 0 || line.indexOf(':') >= 0;
    }

    private static boolean containsIgnoringCase(String line, String... words) {
        String lower = line.toLowerCase(java.util.Locale.ROOT);
        for (String word : words) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    static boolean placeholder(String value) {
        if (value.startsWith("${") || value.startsWith("<") || value.startsWith("{{") || value.startsWith("%")
                || value.startsWith("#{") || value.startsWith("$(")) {
            return true;
        }
        return value.chars().distinct().count() <= 2;
    }
}
