package org.gatehouse.web.personnel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.gatehouse.workflow.personnel.Personnel;

/**
 * The body of {@code PUT /people/{login}/confidentiality-agreement} (C.1): signed and expiry days (UTC,
 * the expiry day included) and the SHA-256 of the signed file, kept outside Gatehouse (ADR 0019).
 */
public class AgreementRequest {
    @NotBlank(message = "{validation.required}")
    @Size(max = 10, message = "{validation.size}")
    public String signedOn;

    @NotBlank(message = "{validation.required}")
    @Size(max = 10, message = "{validation.size}")
    public String expiresOn;

    @NotBlank(message = "{validation.required}")
    @Size(max = 64, message = "{validation.size}")
    public String documentSha256;

    @Size(max = 255, message = "{validation.size}")
    public String documentName;

    Personnel.AgreementEntry entry() {
        return new Personnel.AgreementEntry(signedOn, expiresOn, documentSha256, documentName);
    }
}
