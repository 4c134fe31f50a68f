package org.gatehouse.egress;

import java.util.Optional;

/**
 * An outbound call that was refused by the {@link EgressPolicy} or did not get an answer. The message
 * names the host (and the refused address), never a header or a body.
 */
public final class EgressFailed extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Kind {
        /** Not http or https. */
        SCHEME,
        /** No host, or user info or a fragment in the URL. */
        MALFORMED,
        /** The host name has no address. */
        UNRESOLVABLE,
        /** The host resolves to an address the policy refuses (one refused address refuses the name). */
        ADDRESS_REFUSED,
        /** Connecting took longer than the connect timeout. */
        CONNECT_TIMEOUT,
        /** The answer (or part of it) took longer than the response timeout or the deadline. */
        TIMEOUT,
        /** The connection was refused, reset, or the exchange broke off. */
        UNREACHABLE
    }

    private final Kind kind;
    private final String host;
    private final String address;

    EgressFailed(Kind kind, String host, String address, String message) {
        super(message);
        this.kind = kind;
        this.host = host;
        this.address = address;
    }

    EgressFailed(Kind kind, String host, String message) {
        this(kind, host, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The host of the URL. */
    public String host() {
        return host;
    }

    /** The address the policy refused ({@link Kind#ADDRESS_REFUSED}). */
    public Optional<String> refusedAddress() {
        return Optional.ofNullable(address);
    }

    /** Whether the policy refused the target (nothing was sent): the URL's form or an address. */
    public boolean refused() {
        return kind == Kind.SCHEME || kind == Kind.MALFORMED || kind == Kind.ADDRESS_REFUSED;
    }
}
