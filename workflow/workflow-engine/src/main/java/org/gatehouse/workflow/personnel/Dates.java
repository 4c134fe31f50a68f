package org.gatehouse.workflow.personnel;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks shared by the register's entries: ISO dates, bounded text without control characters. */
final class Dates {
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** The register keeps no dates before this one (a typo guard, not a rule of the guide). */
    static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

    private Dates() {
    }

    /** An ISO-8601 date ({@code 2026-12-02}), required. */
    static LocalDate parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidPersonnelInput("personnel.date-required", field);
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.isBefore(EARLIEST) || date.getYear() > 9999) {
                throw new InvalidPersonnelInput("personnel.date-malformed", field, text);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidPersonnelInput("personnel.date-malformed", field, text);
        }
    }

    /** Not after today (UTC): a check, a signature or a course that has not happened yet is not recorded. */
    static void notInFuture(String field, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw new InvalidPersonnelInput("personnel.date-in-future", field, date);
        }
    }

    static void notBefore(String field, LocalDate date, String startField, LocalDate start) {
        if (date.isBefore(start)) {
            throw new InvalidPersonnelInput("personnel.date-before", field, date, startField, start);
        }
    }

    /** Text of 1..max characters (stripped) without control characters. */
    static String text(String field, String text, int max) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.length() > max || CONTROL.matcher(value).find()) {
            throw new InvalidPersonnelInput("personnel.text", field, max);
        }
        return value;
    }

    static Optional<String> optionalText(String field, String text, int max) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text(field, text, max));
    }
}
