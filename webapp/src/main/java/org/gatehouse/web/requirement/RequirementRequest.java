package org.gatehouse.web.requirement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.gatehouse.workflow.requirement.Requirements;

/** A security requirement as written: optional key (SR-…), title, description, ticket key (SHOP-123), test point, the
 * weaknesses a scan checks for it (CWE numbers). */
public class RequirementRequest {
    @Size(max = 41, message = "{validation.size}")
    public String key;

    @NotBlank(message = "{validation.required}")
    @Size(max = 300, message = "{validation.size}")
    public String title;

    @Size(max = 4000, message = "{validation.size}")
    public String description;

    @Size(max = 26, message = "{validation.size}")
    public String ticket;

    @Size(max = 4000, message = "{validation.size}")
    public String testPoint;

    /** The weaknesses (CWE numbers) a scan checks for this requirement; none when absent. */
    @Size(max = 20, message = "{validation.size}")
    public List<Integer> scanCwes;

    Requirements.Draft draft() {
        return new Requirements.Draft(present(key), title.strip(), present(description), present(ticket), present(testPoint),
                scanCwes == null ? List.of() : scanCwes.stream().filter(java.util.Objects::nonNull).toList());
    }

    private static Optional<String> present(String text) {
        return Optional.ofNullable(text).map(String::strip).filter(t -> !t.isEmpty());
    }
}
