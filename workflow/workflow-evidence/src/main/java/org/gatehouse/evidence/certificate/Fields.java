package org.gatehouse.evidence.certificate;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Field rules shared by the certificate's records, writer and reader. */
final class Fields {
    private static final int MAX_TEXT = 10_000;

    private Fields() {
    }

    static void text(String value, String what) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
            throw new IllegalArgumentException("the " + what + " must be a non-blank text of at most " + MAX_TEXT + " characters");
        }
    }

    /** RFC 3339 in UTC as {@link DateTimeFormatter#ISO_INSTANT} writes it: one spelling per instant. */
    static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    static Optional<Instant> instant(String text) {
        try {
            Instant parsed = Instant.parse(text);
            return instant(parsed).equals(text) ? Optional.of(parsed) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
