package org.gatehouse.egress;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The only name resolution of {@link EgressClient}'s connections: each new connection resolves its host
 * once, here, the {@link EgressPolicy} checks every answer, and only those checked addresses are handed
 * to the socket (no second lookup by the HTTP client or the JDK, so a DNS answer that changes between
 * check and connect — rebinding — cannot reach a refused address). A refusal travels out of the HTTP
 * client as {@link Refusal}, the kind of exception this interface may throw.
 */
public final class PinnedResolver implements DnsResolver {
    private final EgressPolicy policy;
    private final NameResolution names;

    public PinnedResolver(EgressPolicy policy, NameResolution names) {
        this.policy = policy;
        this.names = names;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        try {
            return policy.resolve(host, names).toArray(InetAddress[]::new);
        } catch (EgressFailed failed) {
            throw new Refusal(failed);
        }
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
    }

    /** No reverse lookup: the name stays the one in the URL (TLS verifies the certificate against it). */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    /** The policy's answer, carried through the HTTP client. */
    static final class Refusal extends UnknownHostException {
        private static final long serialVersionUID = 1L;
        private final transient EgressFailed failed;

        Refusal(EgressFailed failed) {
            super(failed.getMessage());
            this.failed = failed;
        }

        EgressFailed failed() {
            return failed;
        }
    }
}
