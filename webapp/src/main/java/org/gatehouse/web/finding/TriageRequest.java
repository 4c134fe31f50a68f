package org.gatehouse.web.finding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The body of a triage decision: {@code action} (confirm, mark-fixed, request-false-positive,
 * request-risk-acceptance, withdraw-request), a {@code reason}, and for a risk acceptance the
 * {@code until} date. A bulk request also lists the finding {@code ids}.
 */
public class TriageRequest {
    @NotBlank(message = "{validation.required}")
    @Size(max = 40, message = "{validation.size}")
    public String action;

    @Size(max = 4000, message = "{validation.size}")
    public String reason;

    public OffsetDateTime until;

    @Size(max = 500, message = "{validation.size}")
    public List<String> ids;
}
