package org.gatehouse.workflow.personnel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A training a person completed (C.1: security awareness; secure coding, per programming language), in
 * force from its completion through its expiry day (UTC). Trainings are kept, never changed: a renewal
 * is a new training.
 */
public record Training(UUID id, String course, Kind kind, Optional<String> language, LocalDate completedOn,
        LocalDate expiresOn, String recordedBy, Instant recordedAt) {
    private static final Pattern LANGUAGE = Pattern.compile("[a-z0-9+#.-]{1,32}");

    /** What the training teaches. */
    public enum Kind {
        SECURITY_AWARENESS(Prerequisite.SECURITY_AWARENESS_TRAINING),
        SECURE_CODING(Prerequisite.SECURE_CODING_TRAINING);

        private final Prerequisite satisfies;

        Kind(Prerequisite satisfies) {
            this.satisfies = satisfies;
        }

        public Prerequisite satisfies() {
            return satisfies;
        }

        static Kind parse(String text) {
            try {
                return valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new InvalidPersonnelInput("personnel.training-kind", text);
            }
        }
    }

    public Training {
        if (expiresOn.isBefore(completedOn)) {
            throw new InvalidPersonnelInput("personnel.date-before", "expiresOn", expiresOn, "completedOn", completedOn);
        }
    }

    /** A training as written: a secure-coding training may name its language ({@code java}, {@code c#}, …). */
    public static Training recorded(UUID id, String course, String kind, String language, String completedOn,
            String expiresOn, String recordedBy, Instant now) {
        Kind parsed = Kind.parse(kind);
        LocalDate completed = Dates.parse("completedOn", completedOn);
        Dates.notInFuture("completedOn", completed, VettingPolicy.dayOf(now));
        LocalDate expires = Dates.parse("expiresOn", expiresOn);
        Dates.notBefore("expiresOn", expires, "completedOn", completed);
        Optional<String> lang = Optional.ofNullable(language).map(l -> l.strip().toLowerCase(Locale.ROOT))
                .filter(l -> !l.isEmpty());
        if (lang.isPresent() && (parsed != Kind.SECURE_CODING || !LANGUAGE.matcher(lang.get()).matches())) {
            throw new InvalidPersonnelInput("personnel.training-language", language);
        }
        return new Training(id, Dates.text("course", course, 200), parsed, lang, completed, expires, recordedBy, now);
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(completedOn) && !day.isAfter(expiresOn);
    }
}
