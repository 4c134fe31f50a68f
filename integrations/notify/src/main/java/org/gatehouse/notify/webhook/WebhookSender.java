package org.gatehouse.notify.webhook;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.egress.EgressClient;
import org.gatehouse.egress.EgressFailed;
import org.gatehouse.egress.EgressPolicy;
import org.gatehouse.egress.EgressRequest;
import org.gatehouse.egress.EgressResponse;
import org.gatehouse.egress.NameResolution;

/**
 * Posts one signed payload (issue 7) through the pinned {@link EgressClient}: the host resolved once and
 * every address checked right before the connection, which goes to a checked address only (no DNS
 * rebinding between check and connect); no redirects followed (a 3xx is a failed attempt), connect
 * timeout, {@code timeout} for the whole exchange, and at most {@link #MAX_RESPONSE_BYTES} of the answer read.
 */
public final class WebhookSender {
    public static final String DELIVERY_HEADER = "Gatehouse-Delivery";
    public static final String EVENT_HEADER = "Gatehouse-Event";
    static final int MAX_RESPONSE_BYTES = 16 * 1024;

    private final EgressClient client;

    /** What came of one attempt: a status (when there was an answer) or an error. */
    public record Outcome(Optional<Integer> status, Optional<String> error) {
        public boolean delivered() {
            return status.isPresent() && status.get() >= 200 && status.get() < 300;
        }
    }

    public WebhookSender(Duration connectTimeout, Duration timeout, EgressPolicy policy) {
        this(connectTimeout, timeout, policy, NameResolution.SYSTEM);
    }

    /** With a name resolution of the caller's (tests). */
    public WebhookSender(Duration connectTimeout, Duration timeout, EgressPolicy policy, NameResolution names) {
        this.client = new EgressClient(policy, new EgressClient.Limits(connectTimeout, timeout, timeout, MAX_RESPONSE_BYTES),
                names);
    }

    public Outcome send(String url, byte[] secret, String deliveryId, String eventType, long epochSeconds, byte[] body) {
        WebhookTarget target;
        try {
            target = WebhookTarget.parse(url);
        } catch (InvalidWebhook e) {
            return refused(e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Gatehouse-Webhooks/1");
        headers.put(DELIVERY_HEADER, deliveryId);
        headers.put(EVENT_HEADER, eventType);
        headers.put(WebhookSignature.HEADER, WebhookSignature.header(secret, epochSeconds, body));
        try {
            // the answer's body is read up to the cap and ignored: only the status counts
            EgressResponse response = client.send(EgressRequest.post(target.uri(), headers, body));
            return new Outcome(Optional.of(response.status()), Optional.empty());
        } catch (EgressFailed e) {
            if (e.refused() || e.kind() == EgressFailed.Kind.UNRESOLVABLE) {
                return refused(WebhookTarget.refusal(e));
            }
            return new Outcome(Optional.empty(), Optional.of(e.kind() + ": " + e.getMessage()));
        }
    }

    private static Outcome refused(InvalidWebhook e) {
        return new Outcome(Optional.empty(), Optional.of("refused target: " + e.messageKey() + " " + e.arguments()));
    }
}
