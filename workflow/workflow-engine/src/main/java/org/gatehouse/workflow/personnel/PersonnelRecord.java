package org.gatehouse.workflow.personnel;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.identity.access.AccountId;

/**
 * One person's entry in the personnel register (C.1): the background check, the confidentiality
 * agreement and the trainings (newest first). It answers which prerequisites hold on a day, which of
 * those a role requires are missing, and until when the required ones hold.
 */
public record PersonnelRecord(AccountId account, String login, String displayName, Optional<BackgroundCheck> backgroundCheck,
        Optional<ConfidentialityAgreement> agreement, List<Training> trainings) {

    public PersonnelRecord {
        trainings = trainings.stream().sorted(Comparator.comparing(Training::completedOn).reversed()
                .thenComparing(Training::recordedAt, Comparator.reverseOrder())).toList();
    }

    /** A person with nothing recorded yet. */
    public static PersonnelRecord empty(AccountId account, String login, String displayName) {
        return new PersonnelRecord(account, login, displayName, Optional.empty(), Optional.empty(), List.of());
    }

    /** The prerequisites that hold on {@code day} (UTC). */
    public Set<Prerequisite> heldOn(LocalDate day) {
        Set<Prerequisite> held = EnumSet.noneOf(Prerequisite.class);
        if (backgroundCheck.filter(BackgroundCheck::passed).isPresent()) {
            held.add(Prerequisite.BACKGROUND_CHECK);
        }
        if (agreement.filter(a -> a.inForceOn(day)).isPresent()) {
            held.add(Prerequisite.CONFIDENTIALITY_AGREEMENT);
        }
        trainings.stream().filter(t -> t.inForceOn(day)).forEach(t -> held.add(t.kind().satisfies()));
        return held;
    }

    /** Which of {@code required} do not hold on {@code day}, in a stable order. */
    public Set<Prerequisite> missing(Set<Prerequisite> required, LocalDate day) {
        Set<Prerequisite> missing = EnumSet.noneOf(Prerequisite.class);
        missing.addAll(required);
        missing.removeAll(heldOn(day));
        return missing;
    }

    /**
     * The last day all of {@code required} hold when they hold on {@code day}: the earliest of their
     * expiries (a passed background check does not expire). Empty when one is missing or none is required.
     */
    public Optional<LocalDate> holdsThrough(Set<Prerequisite> required, LocalDate day) {
        if (required.isEmpty() || !missing(required, day).isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalDate> through = Optional.empty();
        for (Prerequisite prerequisite : required) {
            Optional<LocalDate> until = switch (prerequisite) {
                case BACKGROUND_CHECK -> Optional.empty();
                case CONFIDENTIALITY_AGREEMENT -> agreement.map(ConfidentialityAgreement::expiresOn);
                case SECURITY_AWARENESS_TRAINING, SECURE_CODING_TRAINING -> trainings.stream()
                        .filter(t -> t.kind().satisfies() == prerequisite && t.inForceOn(day))
                        .map(Training::expiresOn).max(Comparator.naturalOrder());
            };
            if (until.isPresent() && (through.isEmpty() || until.get().isBefore(through.get()))) {
                through = until;
            }
        }
        return through;
    }
}
