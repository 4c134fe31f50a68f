package org.gatehouse.web.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gatehouse.identity.token.ApiCalls;
import org.gatehouse.identity.token.ServiceAccounts;

/**
 * Logs every request authenticated by an API token (TC260 7.8.3-dp), refused ones included: token,
 * account, source address, method, path, status, bytes received, duration and signature verdict.
 */
@Provider
public class ApiCallRecorder implements ContainerResponseFilter {
    static final String TOKEN = "gatehouse.token";
    static final String STARTED = "gatehouse.started";
    private static final Logger LOG = Logger.getLogger(ApiCallRecorder.class.getName());

    @Inject
    ApiCalls calls;

    @Inject
    Clock clock;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(TOKEN) instanceof ServiceAccounts.TokenUse token)) {
            return;
        }
        long started = request.getProperty(STARTED) instanceof Long nanos ? nanos : System.nanoTime();
        try {
            calls.record(new ApiCalls.ApiCall(ApiCalls.nextId(), clock.instant().atOffset(ZoneOffset.UTC), token.project(),
                    token.actor().name(), token.tokenId(), token.tokenPrefix(), token.actor().address(),
                    request.getMethod(), SignedRequests.rawPathAndQuery(request), response.getStatus(),
                    SignedRequests.bytesIn(request), (System.nanoTime() - started) / 1_000_000,
                    SignedRequests.verdictOf(request)));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not log an API call", e);
        }
    }
}
