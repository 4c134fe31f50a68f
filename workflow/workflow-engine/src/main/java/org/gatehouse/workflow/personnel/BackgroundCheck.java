package org.gatehouse.workflow.personnel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A person's background check (C.1): its status, the day it was concluded, and by whom (the agency or
 * the person who checked); who recorded it in Gatehouse and when. Only {@link Status#PASSED} counts.
 */
public record BackgroundCheck(Status status, LocalDate checkedOn, String checkedBy, Optional<String> note,
        String recordedBy, Instant recordedAt) {

    /** Where the check stands. */
    public enum Status {
        PENDING, PASSED, FAILED;

        static Status parse(String text) {
            try {
                return valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidPersonnelInput("personnel.background-status", text);
            }
        }
    }

    /** A check as a security administrator writes it: {@code checkedOn} an ISO date not after {@code today} (UTC). */
    public static BackgroundCheck recorded(String status, String checkedOn, String checkedBy, String note, String recordedBy,
            Instant now) {
        LocalDate day = Dates.parse("checkedOn", checkedOn);
        Dates.notInFuture("checkedOn", day, VettingPolicy.dayOf(now));
        return new BackgroundCheck(Status.parse(status), day, Dates.text("checkedBy", checkedBy, 200),
                Dates.optionalText("note", note, 2000), recordedBy, now);
    }

    public boolean passed() {
        return status == Status.PASSED;
    }
}
