package org.gatehouse.notify.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.gatehouse.identity.token.SourceRange;

/**
 * Where a webhook may post (SSRF protection, issue 7): an absolute http or https URL without user
 * information or fragment, whose host resolves only to public unicast addresses. Loopback,
 * link-local (cloud metadata at 169.254.169.254), private (RFC 1918, IPv6 unique-local), shared
 * (100.64/10), multicast and unspecified addresses (IPv4-mapped IPv6 addresses count as their IPv4 address) are refused unless a configured network
 * ({@code gatehouse.webhooks.allowed-networks}, CIDR) contains them. Checked when a webhook is saved
 * and again before every delivery, because DNS answers change.
 */
public final class WebhookTarget {
    static final int MAX_URL = 2000;
    private static final List<SourceRange> NON_PUBLIC = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/3",
            "::/128", "::1/128", "64:ff9b::/96", "fc00::/7", "fe80::/10", "ff00::/8")
            .stream().map(c -> SourceRange.parse(c).orElseThrow()).toList();

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
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidWebhook("webhook.url-scheme", shorten(url));
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new InvalidWebhook("webhook.url-invalid", shorten(url));
        }
        return new WebhookTarget(uri);
    }

    public URI uri() {
        return uri;
    }

    /**
     * Resolves the host and refuses it when any of its addresses is not public and not allowed.
     *
     * @throws InvalidWebhook {@code webhook.url-forbidden} or {@code webhook.url-unresolvable}
     */
    public InetAddress[] resolveAllowed(List<SourceRange> allowed) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new InvalidWebhook("webhook.url-unresolvable", uri.getHost());
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address) && allowed.stream().noneMatch(r -> r.contains(address.getHostAddress()))) {
                throw new InvalidWebhook("webhook.url-forbidden", uri.getHost() + " (" + address.getHostAddress() + ")");
            }
        }
        return addresses;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        if (!(address instanceof Inet4Address) && !(address instanceof Inet6Address)) {
            return false;
        }
        String text = address.getHostAddress();
        return NON_PUBLIC.stream().noneMatch(range -> range.contains(text));
    }

    private static String shorten(String url) {
        return url.length() > 80 ? url.substring(0, 80) + "…" : url;
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
