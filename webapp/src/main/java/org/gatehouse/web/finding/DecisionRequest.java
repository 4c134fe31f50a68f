package org.gatehouse.web.finding;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of a re-test ({@code passed}, with the evidence as {@code reason}), of a decision on a
 * requested dismissal ({@code approve}), or of a reopening (only {@code reason}). A bulk decision also
 * lists the finding {@code ids}.
 */
public class DecisionRequest {
    @NotNull(message = "{validation.required}", groups = Outcome.class)
    public Boolean passed;

    @NotNull(message = "{validation.required}", groups = Approval.class)
    public Boolean approve;

    @Size(max = 4000, message = "{validation.size}")
    public String reason;

    @Size(max = 500, message = "{validation.size}")
    public List<String> ids;

    /** Validation group of a re-test. */
    public interface Outcome {
    }

    /** Validation group of an approval. */
    public interface Approval {
    }
}
