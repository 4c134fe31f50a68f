package org.gatehouse.workflow.environment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * A device or asset used for a project's work (C.2): who is responsible for it and its state at the last
 * compliance check. Only compliant devices may join the development environment.
 */
public record Device(UUID id, ProjectKey project, String assetTag, String description, Kind kind, String responsible,
        boolean patched, boolean antivirus, boolean diskEncrypted, Optional<Instant> lastCheckedAt, String createdBy,
        Instant createdAt, String updatedBy, Instant updatedAt) {

    /** What the device is (mobile devices are named: C.2 controls them). */
    public enum Kind {
        WORKSTATION, LAPTOP, MOBILE, SERVER, OTHER
    }

    /** Why a device does not comply; empty when it does. */
    public enum Gap {
        NOT_PATCHED, NO_ANTIVIRUS, DISK_NOT_ENCRYPTED, NEVER_CHECKED, CHECK_TOO_OLD
    }

    /** The compliance status: compliant when nothing is missing. */
    public record Compliance(boolean compliant, List<Gap> gaps) {
        public Compliance {
            gaps = List.copyOf(gaps);
        }
    }

    /**
     * The compliance status at {@code now} (C.2): patched, antivirus running, disk encrypted, and checked
     * within {@code maxCheckAge}; a device whose last check is older counts as non-compliant, whatever
     * that check found.
     */
    public Compliance compliance(Instant now, Duration maxCheckAge) {
        List<Gap> gaps = new ArrayList<>();
        if (!patched) {
            gaps.add(Gap.NOT_PATCHED);
        }
        if (!antivirus) {
            gaps.add(Gap.NO_ANTIVIRUS);
        }
        if (!diskEncrypted) {
            gaps.add(Gap.DISK_NOT_ENCRYPTED);
        }
        if (lastCheckedAt.isEmpty()) {
            gaps.add(Gap.NEVER_CHECKED);
        } else if (lastCheckedAt.get().isBefore(now.minus(maxCheckAge))) {
            gaps.add(Gap.CHECK_TOO_OLD);
        }
        return new Compliance(gaps.isEmpty(), gaps);
    }

    /**
     * The rules of an entry on its own: a responsible person (C.2: each device has a named responsible
     * person) and a last check that is not in the future.
     */
    static void requireValid(String responsible, Optional<Instant> lastCheckedAt, Instant now) {
        if (responsible == null || responsible.isBlank()) {
            throw new RegisterEntryInvalid("device.responsible-required");
        }
        if (lastCheckedAt.filter(at -> at.isAfter(now.plus(Duration.ofMinutes(5)))).isPresent()) {
            throw new RegisterEntryInvalid("device.check-in-future");
        }
    }
}
