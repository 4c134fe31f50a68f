package org.gatehouse.scanner.api;

import java.util.Optional;

/** A finding suppressed at the source (SARIF {@code suppressions}): imported as such, not as open. */
public record Suppression(String kind, Optional<String> justification) {
}
