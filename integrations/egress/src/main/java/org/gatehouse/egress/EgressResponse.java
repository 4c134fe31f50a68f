package org.gatehouse.egress;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An answer: status, headers (names in lower case), and at most the client's cap of the body;
 * {@code truncated} when there was more (the rest was not read, the connection was dropped).
 */
public record EgressResponse(int status, Map<String, List<String>> headers, byte[] body, boolean truncated) {
    public EgressResponse {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT))).filter(v -> !v.isEmpty()).map(v -> v.get(0));
    }
}
