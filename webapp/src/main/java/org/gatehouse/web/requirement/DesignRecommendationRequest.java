package org.gatehouse.web.requirement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A design recommendation as written (B.1.3.1-ic): topic, subject, recommendation, requirement keys, decision. */
public class DesignRecommendationRequest {
    @Size(max = 7, message = "{validation.size}")
    public String key;

    @NotBlank(message = "{validation.required}")
    @Size(max = 20, message = "{validation.size}")
    public String topic;

    @NotBlank(message = "{validation.required}")
    @Size(max = 300, message = "{validation.size}")
    public String subject;

    @NotBlank(message = "{validation.required}")
    @Size(max = 4000, message = "{validation.size}")
    public String recommendation;

    @Size(max = 100, message = "{validation.size}")
    public List<String> requirements;

    @Size(max = 20, message = "{validation.size}")
    public String decision;

    @Size(max = 4000, message = "{validation.size}")
    public String decisionNote;
}
