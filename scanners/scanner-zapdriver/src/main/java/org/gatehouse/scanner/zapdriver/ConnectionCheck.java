package org.gatehouse.scanner.zapdriver;

import java.util.Objects;
import java.util.Optional;

/** What a connection check found: the ZAP version that answers, or why none does (never the API key). */
public record ConnectionCheck(boolean reachable, Optional<String> zapVersion, Optional<ZapProblem> problem,
        String message) {

    public ConnectionCheck {
        Objects.requireNonNull(zapVersion, "zapVersion");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(message, "message");
        if (reachable != zapVersion.isPresent() || reachable == problem.isPresent()) {
            throw new IllegalArgumentException("reachable goes with a version, unreachable with a problem");
        }
    }

    static ConnectionCheck answered(String version, String where) {
        return new ConnectionCheck(true, Optional.of(version), Optional.empty(), "ZAP " + version + " answers at " + where);
    }

    static ConnectionCheck failed(ZapProblem problem, String message) {
        return new ConnectionCheck(false, Optional.empty(), Optional.of(problem), message);
    }
}
