package org.gatehouse.workflow.api;

/**
 * Risk-proportional protection (guide 8.2-ek/el, 8.3): the risk assessment of a project sets how
 * strict its gates are. Level 1 may skip what the guide lets a low-risk system skip; level 3
 * requires every activity with the strictest thresholds.
 */
public enum ProtectionLevel {
    LEVEL_1(1),
    LEVEL_2(2),
    LEVEL_3(3);

    private final int number;

    ProtectionLevel(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public static ProtectionLevel of(int number) {
        for (ProtectionLevel level : values()) {
            if (level.number == number) {
                return level;
            }
        }
        throw new IllegalArgumentException("protection level must be 1, 2 or 3: " + number);
    }
}
