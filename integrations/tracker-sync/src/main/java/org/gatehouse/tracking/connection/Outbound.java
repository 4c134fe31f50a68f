package org.gatehouse.tracking.connection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.egress.EgressPolicy;
import org.gatehouse.issuetracker.api.IssueTracker;
import org.gatehouse.issuetracker.api.TrackerHttp;
import org.gatehouse.issuetracker.api.TrackerRegistry;

/**
 * The adapters on the class path and the one guarded HTTP client they all use: timeouts, a 2 MiB
 * answer cap, and the outbound address policy (gatehouse-egress), which refuses loopback, private and
 * link-local addresses unless {@code gatehouse.trackers.allowed-addresses} (CIDR list) allows them, and
 * connects only to the addresses it checked.
 */
@ApplicationScoped
public class Outbound {
    private TrackerRegistry registry;
    private TrackerHttp http;

    Outbound() {
    }

    @Inject
    Outbound(@ConfigProperty(name = "gatehouse.trackers.allowed-addresses") Optional<String> allowed,
            @ConfigProperty(name = "gatehouse.trackers.timeout-seconds", defaultValue = "20") int timeoutSeconds) {
        this.registry = TrackerRegistry.load(IssueTracker.class.getClassLoader());
        this.http = new TrackerHttp(new TrackerHttp.Settings(Duration.ofSeconds(5), Duration.ofSeconds(timeoutSeconds),
                2 * 1024 * 1024, EgressPolicy.allowing(allowed.orElse(""))));
    }

    public TrackerRegistry registry() {
        return registry;
    }

    public TrackerHttp http() {
        return http;
    }
}
