package org.gatehouse.scanner.zapdriver;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** Where ZAP's API answers (http or https), its API key and how patiently to talk to it. */
public record ZapSettings(URI baseUrl, ApiKey apiKey, Duration connectTimeout, Duration readTimeout,
        Duration pollInterval) {

    public ZapSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("ZAP's address must be an absolute http(s) URL, not " + baseUrl);
        }
        if (baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null) {
            throw new IllegalArgumentException("ZAP's address takes no user info and no query: " + baseUrl.getHost());
        }
        positive(connectTimeout, "connectTimeout");
        positive(readTimeout, "readTimeout");
        positive(pollInterval, "pollInterval");
    }

    /** Defaults for a ZAP daemon on a scan host: 5 s to connect, 60 s to answer, polled every 5 s. */
    public static ZapSettings of(URI baseUrl, ApiKey apiKey) {
        return new ZapSettings(baseUrl, apiKey, Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(5));
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    @Override
    public String toString() {
        return "ZapSettings[baseUrl=" + baseUrl + ", apiKey=" + apiKey + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", pollInterval=" + pollInterval + "]";
    }
}
