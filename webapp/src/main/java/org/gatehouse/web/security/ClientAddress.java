package org.gatehouse.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request came from: the peer, or, when the peer is a configured trusted proxy
 * ({@code gatehouse.http.trusted-proxies}, exact addresses), the right-most address in
 * {@code X-Forwarded-For} that is not itself a trusted proxy. Never trusts the header otherwise.
 */
@ApplicationScoped
public class ClientAddress {
    private Set<String> trustedProxies = Set.of();

    ClientAddress() {
    }

    @Inject
    ClientAddress(@ConfigProperty(name = "gatehouse.http.trusted-proxies") Optional<String> trusted) {
        this.trustedProxies = trusted.map(t -> Arrays.stream(t.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    public String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    /**
     * Whether the client reached us over HTTPS: directly, or through a trusted proxy that says so
     * in {@code X-Forwarded-Proto} (TLS usually ends at the proxy).
     */
    public boolean isSecure(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        return proto != null && trustedProxies.contains(request.getRemoteAddr()) && proto.strip().equalsIgnoreCase("https");
    }

    String resolve(String peer, String forwardedFor) {
        if (!trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!trustedProxies.contains(hop)) {
                return hop.length() > 64 || !hop.matches("[0-9A-Fa-f:.]+") ? peer : hop;
            }
        }
        return peer;
    }
}
