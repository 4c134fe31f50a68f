package org.gatehouse.notify.relay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.egress.EgressPolicy;

/** The relay's settings from MicroProfile Config (environment {@code GATEHOUSE_OUTBOX_…}, {@code GATEHOUSE_WEBHOOKS_…}). */
@ApplicationScoped
public class RelaySettings {
    @Inject
    @ConfigProperty(name = "gatehouse.outbox.poll-ms", defaultValue = "500")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "gatehouse.outbox.max-attempts", defaultValue = "10")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "gatehouse.outbox.retry-base-seconds", defaultValue = "10")
    long retryBaseSeconds;

    @Inject
    @ConfigProperty(name = "gatehouse.outbox.retry-max-seconds", defaultValue = "3600")
    long retryMaxSeconds;

    @Inject
    @ConfigProperty(name = "gatehouse.outbox.concurrency", defaultValue = "4")
    int concurrency;

    @Inject
    @ConfigProperty(name = "gatehouse.webhooks.connect-timeout-seconds", defaultValue = "5")
    long connectTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "gatehouse.webhooks.timeout-seconds", defaultValue = "10")
    long timeoutSeconds;

    @Inject
    @ConfigProperty(name = "gatehouse.webhooks.allowed-networks")
    Optional<String> allowedNetworks;

    public Duration poll() {
        return Duration.ofMillis(Math.max(50, pollMillis));
    }

    public int maxAttempts() {
        return Math.max(1, maxAttempts);
    }

    public Backoff backoff() {
        return new Backoff(Duration.ofSeconds(Math.max(1, retryBaseSeconds)), Duration.ofSeconds(Math.max(1, retryMaxSeconds)));
    }

    public int concurrency() {
        return Math.max(1, Math.min(32, concurrency));
    }

    public Duration connectTimeout() {
        return Duration.ofSeconds(Math.max(1, connectTimeoutSeconds));
    }

    public Duration timeout() {
        return Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }

    /** How long a claim holds: longer than any attempt can take, so only a dead instance's claims run out. */
    public Duration lease() {
        return connectTimeout().plus(timeout()).plusSeconds(30);
    }

    /**
     * Where webhooks may post: public addresses and the networks of {@code gatehouse.webhooks.allowed-networks}
     * (tests: loopback). Invalid entries fail the start.
     */
    public EgressPolicy egressPolicy() {
        try {
            return EgressPolicy.allowing(allowedNetworks.orElse(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("gatehouse.webhooks.allowed-networks: " + e.getMessage(), e);
        }
    }
}
