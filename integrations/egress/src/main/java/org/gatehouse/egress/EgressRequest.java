package org.gatehouse.egress;

import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** One outbound request: method, URL, headers (names case-insensitive, the last one set wins) and an optional body. */
public record EgressRequest(String method, URI uri, Map<String, String> headers, Optional<byte[]> body) {
    public EgressRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = Collections.unmodifiableMap(copy);
        body = body.map(byte[]::clone);
    }

    public static EgressRequest get(URI uri, Map<String, String> headers) {
        return new EgressRequest("GET", uri, headers, Optional.empty());
    }

    public static EgressRequest post(URI uri, Map<String, String> headers, byte[] body) {
        return new EgressRequest("POST", uri, headers, Optional.of(body));
    }
}
