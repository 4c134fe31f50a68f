package org.gatehouse.scanner.worker;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a white-box scan reports: bug categories (empty = all), SpotBugs filter XML files to include
 * and exclude, the effort and the lowest confidence reported.
 */
public record RuleSet(Set<String> categories, List<Path> includeFilters, List<Path> excludeFilters, Effort effort,
        Confidence minConfidence) {

    /** SpotBugs' priority threshold: the lowest confidence a warning needs to be reported. */
    public enum Confidence {
        HIGH(1), MEDIUM(2), LOW(3);

        final int priority;

        Confidence(int priority) {
            this.priority = priority;
        }
    }

    public RuleSet {
        categories = Set.copyOf(categories);
        includeFilters = List.copyOf(includeFilters);
        excludeFilters = List.copyOf(excludeFilters);
        Objects.requireNonNull(effort, "effort");
        Objects.requireNonNull(minConfidence, "minConfidence");
        if (categories.stream().anyMatch(c -> c.isBlank() || c.contains(","))) {
            throw new IllegalArgumentException("bad category in " + categories);
        }
    }

    /** The default: only the SECURITY category (Find Security Bugs' detectors), maximal effort, medium confidence. */
    public static RuleSet securityOnly() {
        return new RuleSet(Set.of("SECURITY"), List.of(), List.of(), Effort.MAX, Confidence.MEDIUM);
    }

    public RuleSet withEffort(Effort newEffort) {
        return new RuleSet(categories, includeFilters, excludeFilters, newEffort, minConfidence);
    }

    public RuleSet withFilters(List<Path> include, List<Path> exclude) {
        return new RuleSet(categories, include, exclude, effort, minConfidence);
    }
}
