package org.gatehouse.workflow.personnel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person's confidentiality agreement (C.1): signed on a day, in force through its expiry day (UTC).
 * The signed file itself is not stored (the documents store holds generated documents only, ADR 0019):
 * its SHA-256 is, so the file kept elsewhere can be shown to be the one recorded.
 */
public record ConfidentialityAgreement(LocalDate signedOn, LocalDate expiresOn, String documentSha256,
        Optional<String> documentName, String recordedBy, Instant recordedAt) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ConfidentialityAgreement {
        if (expiresOn.isBefore(signedOn)) {
            throw new InvalidPersonnelInput("personnel.date-before", "expiresOn", expiresOn, "signedOn", signedOn);
        }
    }

    /** An agreement as written: ISO dates, the signed file's SHA-256 (hex), optionally its file name. */
    public static ConfidentialityAgreement recorded(String signedOn, String expiresOn, String documentSha256,
            String documentName, String recordedBy, Instant now) {
        LocalDate signed = Dates.parse("signedOn", signedOn);
        Dates.notInFuture("signedOn", signed, VettingPolicy.dayOf(now));
        LocalDate expires = Dates.parse("expiresOn", expiresOn);
        Dates.notBefore("expiresOn", expires, "signedOn", signed);
        String digest = documentSha256 == null ? "" : documentSha256.strip().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(digest).matches()) {
            throw new InvalidPersonnelInput("personnel.document-sha256");
        }
        return new ConfidentialityAgreement(signed, expires, digest, Dates.optionalText("documentName", documentName, 255),
                recordedBy, now);
    }

    /** In force on {@code day}: signed on or before it, expiring on or after it. */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(signedOn) && !day.isAfter(expiresOn);
    }
}
