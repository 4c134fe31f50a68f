package org.gatehouse.scanner.zapdriver;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** How ZAP authenticates to the target; its secrets never show in {@code toString()}. */
public sealed interface Authentication {

    /** Secrets to mask in log lines and messages. */
    List<String> secrets();

    /** A header (e.g. {@code Authorization: Bearer ...}) added to ZAP's requests to the target via a replacer rule. */
    record HeaderToken(String header, String value) implements Authentication {
        private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

        public HeaderToken {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(value, "value");
            if (!TOKEN.matcher(header).matches()) {
                throw new IllegalArgumentException("not an HTTP header name: " + header);
            }
            if (value.isBlank() || value.contains("\r") || value.contains("\n")) {
                throw new IllegalArgumentException("the " + header + " value is blank or spans lines");
            }
        }

        @Override
        public List<String> secrets() {
            return List.of(value);
        }

        @Override
        public String toString() {
            return "HeaderToken[header=" + header + ", value=" + ApiKey.MASK + "]";
        }
    }

    /**
     * ZAP's form-based authentication: it posts {@code loginRequestData} (with the placeholders {@code {%username%}}
     * and {@code {%password%}}) to {@code loginUrl} as a user of the scan's context, and tells logged in from logged
     * out by the indicator regexes (at least one) on the target's responses; that user is the context's forced user,
     * so the spiders and the active scan run logged in.
     */
    record FormLogin(URI loginUrl, String loginRequestData, String username, String password,
            Optional<String> loggedInIndicator, Optional<String> loggedOutIndicator) implements Authentication {
        public static final String USERNAME = "{%username%}";
        public static final String PASSWORD = "{%password%}";

        public FormLogin {
            Objects.requireNonNull(loginUrl, "loginUrl");
            Objects.requireNonNull(loggedInIndicator, "loggedInIndicator");
            Objects.requireNonNull(loggedOutIndicator, "loggedOutIndicator");
            String scheme = loginUrl.getScheme() == null ? "" : loginUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || loginUrl.getHost() == null) {
                throw new IllegalArgumentException("the login URL must be an absolute http(s) URL");
            }
            oneLine(loginRequestData, "the login request data", 2000);
            if (!loginRequestData.contains(USERNAME) || !loginRequestData.contains(PASSWORD)) {
                throw new IllegalArgumentException("the login request data needs " + USERNAME + " and " + PASSWORD);
            }
            oneLine(username, "the user name", 500);
            oneLine(password, "the password", 500);
            loggedInIndicator = loggedInIndicator.filter(s -> !s.isBlank());
            loggedOutIndicator = loggedOutIndicator.filter(s -> !s.isBlank());
            if (loggedInIndicator.isEmpty() && loggedOutIndicator.isEmpty()) {
                throw new IllegalArgumentException("a logged-in or logged-out indicator is needed");
            }
            loggedInIndicator.ifPresent(FormLogin::regex);
            loggedOutIndicator.ifPresent(FormLogin::regex);
        }

        /** ZAP's method configuration: {@code loginUrl=…&loginRequestData=…}, each URL-encoded. */
        String methodParameters() {
            return "loginUrl=" + ZapApi.encode(loginUrl.toString()) + "&loginRequestData=" + ZapApi.encode(loginRequestData);
        }

        /** ZAP's user credentials: {@code username=…&password=…}, each URL-encoded. */
        String credentialParameters() {
            return "username=" + ZapApi.encode(username) + "&password=" + ZapApi.encode(password);
        }

        /** The password, the credentials as sent, and the user name unless it is too short to mask without harm. */
        @Override
        public List<String> secrets() {
            return username.length() >= 4 ? List.of(password, username, credentialParameters())
                    : List.of(password, credentialParameters());
        }

        @Override
        public String toString() {
            return "FormLogin[loginUrl=" + loginUrl + ", loginRequestData=" + loginRequestData + ", username="
                    + ApiKey.MASK + ", password=" + ApiKey.MASK + ", loggedIn=" + loggedInIndicator + ", loggedOut="
                    + loggedOutIndicator + "]";
        }

        private static void oneLine(String value, String what, int max) {
            if (value == null || value.isBlank() || value.length() > max || value.contains("\r") || value.contains("\n")) {
                throw new IllegalArgumentException(what + " is blank, longer than " + max + " or spans lines");
            }
        }

        private static void regex(String value) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("an indicator is not a regular expression", e);
            }
        }
    }
}
