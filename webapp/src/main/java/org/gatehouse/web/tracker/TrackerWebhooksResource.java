package org.gatehouse.web.tracker;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.issuetracker.api.WebhookDelivery;
import org.gatehouse.tracking.sync.TrackerSync;
import org.gatehouse.web.security.Public;

/**
 * Where trackers deliver their issue webhooks (issue 7). No login: the delivery authenticates by its
 * HMAC-SHA256 signature under the connection's webhook secret (GitHub {@code X-Hub-Signature-256},
 * Jira {@code X-Hub-Signature}); an unknown address and a wrong signature get the same 401.
 */
@Path("/tracker-webhooks/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "issue trackers")
public class TrackerWebhooksResource {
    private static final int MAX_BODY = 1024 * 1024;

    @Inject
    TrackerSync sync;

    @Context
    HttpHeaders headers;

    /** What the delivery changed. */
    public record Received(int findingsChanged) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Public("a tracker's webhook: authenticated by its HMAC-SHA256 signature under the connection's secret")
    @Operation(summary = "Receive an issue tracker's webhook (signed)")
    public Received receive(@PathParam("id") String id, InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new jakarta.ws.rs.WebApplicationException(413);
        }
        Map<String, String> received = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> received.put(name, values.isEmpty() ? "" : values.get(0)));
        return new Received(sync.receive(id, new WebhookDelivery(received, bytes)));
    }
}
