package org.gatehouse.workflow.requirement;

import org.gatehouse.workflow.api.ProtectionLevel;

/**
 * The protection level a risk assessment yields (8.2-ek/el, 8.3: protection in proportion to risk):
 * risk = asset value × likelihood × impact, each rated 1 (low) to 3 (high); 1–4 is level 1, 5–12
 * level 2, 13–27 level 3. The guide gives the factors, not a formula; this one is Gatehouse's and
 * documented as such.
 */
public record RiskRating(int assetValue, int likelihood, int impact) {
    public RiskRating {
        for (int factor : new int[] {assetValue, likelihood, impact}) {
            if (factor < 1 || factor > 3) {
                throw new InvalidRequirementInput("risk.factor-range", Integer.toString(factor));
            }
        }
    }

    public int score() {
        return assetValue * likelihood * impact;
    }

    public ProtectionLevel level() {
        int score = score();
        return score <= 4 ? ProtectionLevel.LEVEL_1 : score <= 12 ? ProtectionLevel.LEVEL_2 : ProtectionLevel.LEVEL_3;
    }
}
