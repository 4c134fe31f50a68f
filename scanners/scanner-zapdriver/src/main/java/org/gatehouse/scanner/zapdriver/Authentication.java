package org.gatehouse.scanner.zapdriver;

import java.util.Objects;
import java.util.regex.Pattern;

/** How ZAP authenticates to the target; its secret never shows in {@code toString()}. */
public sealed interface Authentication {

    /** Secrets to mask in log lines and messages. */
    String secret();

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
        public String secret() {
            return value;
        }

        @Override
        public String toString() {
            return "HeaderToken[header=" + header + ", value=" + ApiKey.MASK + "]";
        }
    }
}
