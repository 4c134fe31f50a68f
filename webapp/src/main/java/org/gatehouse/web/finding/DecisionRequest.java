package org.gatehouse.web.finding;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of a re-test ({@code passed}, with the evidence as {@code reason}), of a decision on a
 * requested dismissal ({@code approve}), or of a reopening (only {@code reason}).
 */
public class DecisionRequest {
    @NotNull(message = "{validation.required}", groups = Outcome.class)
    public Boolean passed;

    @NotNull(message = "{validation.required}", groups = Approval.class)
    public Boolean approve;

    @Size(max = 4000, message = "{validation.size}")
    public String reason;

    /** Validation group of a re-test. */
    public interface Outcome {
    }

    /** Validation group of an approval. */
    public interface Approval {
    }
}
