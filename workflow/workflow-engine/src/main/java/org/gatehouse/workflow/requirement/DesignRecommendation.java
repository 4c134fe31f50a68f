package org.gatehouse.workflow.requirement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One recommendation of the design review (B.1.3.1-ic): the threat, technology or architecture
 * concern it answers, the requirements it serves (8.4: traceability), and the developers' decision.
 */
public record DesignRecommendation(String key, Topic topic, String subject, String recommendation,
        List<String> requirements, Decision decision, Optional<String> decisionNote, String createdBy, Instant updatedAt) {

    public DesignRecommendation {
        requirements = List.copyOf(requirements);
    }

    /** What the recommendation is about. */
    public enum Topic {
        THREAT, TECHNOLOGY, ARCHITECTURE
    }

    /** The developers' answer: accepted, or disputed with a note; proposed until then. */
    public enum Decision {
        PROPOSED, ACCEPTED, DISPUTED
    }
}
