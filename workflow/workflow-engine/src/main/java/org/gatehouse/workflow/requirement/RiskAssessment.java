package org.gatehouse.workflow.requirement;

import java.time.Instant;

/** The risk assessment of a release (8.2-ek/el): the rating, the threats and business loss considered, who and when. */
public record RiskAssessment(RiskRating rating, String threats, String businessLoss, String assessedBy, Instant assessedAt) {
}
