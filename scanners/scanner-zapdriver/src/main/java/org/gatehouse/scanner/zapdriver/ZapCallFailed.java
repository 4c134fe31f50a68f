package org.gatehouse.scanner.zapdriver;

import java.util.Optional;
import org.zaproxy.clientapi.core.ClientApiException;

/** A ZAP API call that failed, classified; its message is already free of secrets. */
final class ZapCallFailed extends ClientApiException {
    private final ZapProblem problem;

    ZapCallFailed(ZapProblem problem, String message, Optional<String> zapCode) {
        super(message, zapCode.orElse(null), null);
        this.problem = problem;
    }

    ZapProblem problem() {
        return problem;
    }
}
