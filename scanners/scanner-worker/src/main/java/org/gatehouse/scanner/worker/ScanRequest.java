package org.gatehouse.scanner.worker;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A white-box scan of released code (B.1.3.1-if): the artifacts (jar, war, zip of classes or classes directory), the
 * dependencies they need (auxiliary classpath, not reported on), where the SpotBugs XML report goes, and the rules.
 */
public record ScanRequest(List<Path> artifacts, List<Path> auxClasspath, Path report, RuleSet rules) {

    public ScanRequest {
        artifacts = List.copyOf(artifacts);
        auxClasspath = List.copyOf(auxClasspath);
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(rules, "rules");
        if (artifacts.isEmpty()) {
            throw new IllegalArgumentException("a scan needs at least one artifact");
        }
    }

    /** One artifact, no dependencies, the default rules ({@link RuleSet#securityOnly()}). */
    public static ScanRequest of(Path artifact, Path report) {
        return new ScanRequest(List.of(artifact), List.of(), report, RuleSet.securityOnly());
    }
}
