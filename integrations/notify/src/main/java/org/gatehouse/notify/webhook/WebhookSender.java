package org.gatehouse.notify.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.gatehouse.identity.token.SourceRange;

/**
 * Posts one signed payload (issue 7): the target checked against SSRF right before the request, no
 * redirects followed (a 3xx is a failed attempt), connect and overall timeouts, and at most
 * {@link #MAX_RESPONSE_BYTES} of the answer read.
 */
public final class WebhookSender {
    public static final String DELIVERY_HEADER = "Gatehouse-Delivery";
    public static final String EVENT_HEADER = "Gatehouse-Event";
    static final int MAX_RESPONSE_BYTES = 16 * 1024;

    private final HttpClient client;
    private final Duration timeout;
    private final List<SourceRange> allowed;

    /** What came of one attempt: a status (when there was an answer) or an error. */
    public record Outcome(Optional<Integer> status, Optional<String> error) {
        public boolean delivered() {
            return status.isPresent() && status.get() >= 200 && status.get() < 300;
        }
    }

    public WebhookSender(Duration connectTimeout, Duration timeout, List<SourceRange> allowed) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.timeout = timeout;
        this.allowed = List.copyOf(allowed);
    }

    public Outcome send(String url, byte[] secret, String deliveryId, String eventType, long epochSeconds, byte[] body) {
        WebhookTarget target;
        try {
            target = WebhookTarget.parse(url);
            target.resolveAllowed(allowed);
        } catch (InvalidWebhook e) {
            return new Outcome(Optional.empty(), Optional.of("refused target: " + e.messageKey() + " " + e.arguments()));
        }
        HttpRequest request = HttpRequest.newBuilder(target.uri()).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Gatehouse-Webhooks/1")
                .header(DELIVERY_HEADER, deliveryId)
                .header(EVENT_HEADER, eventType)
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret, epochSeconds, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                in.readNBytes(MAX_RESPONSE_BYTES); // read a little, so the connection can be reused; never more
            }
            return new Outcome(Optional.of(response.statusCode()), Optional.empty());
        } catch (IOException e) {
            return new Outcome(Optional.empty(), Optional.of(e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Optional.empty(), Optional.of("interrupted"));
        }
    }
}
