package org.gatehouse.notify.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.gatehouse.egress.EgressFailed;
import org.gatehouse.egress.EgressPolicy;
import org.gatehouse.egress.NameResolution;

/**
 * Where a webhook may post (SSRF protection, issue 7): an absolute http or https URL without user
 * information or fragment, whose host resolves only to addresses the {@link EgressPolicy} permits (public
 * unicast, or a network of {@code gatehouse.webhooks.allowed-networks}). Checked when a webhook is saved, for
 * a clear answer; the delivery itself connects through {@link WebhookSender}'s pinned client, which checks
 * the addresses it connects to (DNS answers change).
 */
public final class WebhookTarget {
    static final int MAX_URL = 2000;

    private final URI uri;

    private WebhookTarget(URI uri) {
        this.uri = uri;
    }

    /** Checks the URL's form only (no DNS): what a webhook may be saved with. */
    public static WebhookTarget parse(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            throw new InvalidWebhook("webhook.url-invalid", String.valueOf(url).length() > 80 ? "" : String.valueOf(url));
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidWebhook("webhook.url-invalid", shorten(url));
        }
        try {
            return new WebhookTarget(EgressPolicy.requireHttpUrl(uri));
        } catch (EgressFailed e) {
            throw new InvalidWebhook(e.kind() == EgressFailed.Kind.SCHEME ? "webhook.url-scheme" : "webhook.url-invalid",
                    shorten(url));
        }
    }

    public URI uri() {
        return uri;
    }

    /**
     * Resolves the host and refuses it when any of its addresses is not permitted.
     *
     * @throws InvalidWebhook {@code webhook.url-forbidden} or {@code webhook.url-unresolvable}
     */
    public List<InetAddress> resolveAllowed(EgressPolicy policy) {
        try {
            return policy.resolve(uri.getHost(), NameResolution.SYSTEM);
        } catch (EgressFailed e) {
            throw refusal(e);
        }
    }

    /** The policy's refusal as the webhook's validation problem. */
    static InvalidWebhook refusal(EgressFailed e) {
        return switch (e.kind()) {
            case UNRESOLVABLE -> new InvalidWebhook("webhook.url-unresolvable", e.host());
            case SCHEME -> new InvalidWebhook("webhook.url-scheme", e.host());
            case MALFORMED -> new InvalidWebhook("webhook.url-invalid", e.host());
            default -> new InvalidWebhook("webhook.url-forbidden", e.host() + e.refusedAddress().map(a -> " (" + a + ")").orElse(""));
        };
    }

    private static String shorten(String url) {
        return url.length() > 80 ? url.substring(0, 80) + "…" : url;
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
