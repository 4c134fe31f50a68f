package org.gatehouse.workflow.signing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.EvidenceException;
import org.gatehouse.evidence.authority.CertificateTrust;
import org.gatehouse.evidence.timestamp.HttpTimeStamper;
import org.gatehouse.evidence.timestamp.TimeStampVerifier;
import org.gatehouse.evidence.timestamp.TimeStamper;

/**
 * The external time-stamp authority settings (TC260 7.4.3, ADR 0009): {@code gatehouse.signing.tsa.url}
 * (empty: the own TSA), {@code gatehouse.signing.tsa.trust} (a PEM file with the external TSA's root
 * and intermediate certificates, each a trust anchor for time-stamps only), optional
 * {@code gatehouse.signing.tsa.policy} (an OID requested and required) and
 * {@code gatehouse.signing.tsa.timeout-seconds}. The trust may stay configured without a URL, so that
 * decisions stamped externally keep verifying after a switch back to the own TSA.
 */
public record ExternalTimeStamping(Optional<URI> url, List<X509Certificate> roots, Optional<String> policy,
        Duration timeout) {
    static final int MAX_TRUST_FILE_BYTES = 1024 * 1024;

    public ExternalTimeStamping {
        roots = List.copyOf(roots);
        if (url.isPresent() && roots.isEmpty()) {
            throw new IllegalStateException("gatehouse.signing.tsa.url is set but gatehouse.signing.tsa.trust is not:"
                    + " the external TSA's tokens could not be verified");
        }
    }

    /** Reads the configuration; a wrong value stops signing with a message that names the property. */
    public static ExternalTimeStamping of(Optional<String> url, Optional<String> trust, Optional<String> policy,
            int timeoutSeconds) {
        Optional<URI> parsed = url.map(String::strip).filter(s -> !s.isEmpty()).map(ExternalTimeStamping::uri);
        List<X509Certificate> roots = trust.map(String::strip).filter(s -> !s.isEmpty())
                .map(ExternalTimeStamping::roots).orElse(List.of());
        if (timeoutSeconds < 1 || timeoutSeconds > 300) {
            throw new IllegalStateException("gatehouse.signing.tsa.timeout-seconds must be between 1 and 300");
        }
        ExternalTimeStamping settings = new ExternalTimeStamping(parsed, roots,
                policy.map(String::strip).filter(s -> !s.isEmpty()), Duration.ofSeconds(timeoutSeconds));
        settings.stamper(); // a malformed URL or policy fails now, not at the first decision
        return settings;
    }

    /** No external TSA: the own one stamps, nothing external is trusted. */
    public static ExternalTimeStamping none() {
        return new ExternalTimeStamping(Optional.empty(), List.of(), Optional.empty(), Duration.ofSeconds(10));
    }

    /** The external roots as trust anchors for time-stamp tokens. */
    public List<CertificateTrust> anchors() {
        return roots.stream().map(CertificateTrust::new).toList();
    }

    /** The HTTP client for the external TSA, each token checked against its roots; empty for the own TSA. */
    public Optional<TimeStamper> stamper() {
        return url.map(u -> {
            HttpTimeStamper client;
            try {
                client = new HttpTimeStamper(u, timeout);
                client = policy.isPresent() ? client.requiringPolicy(policy.get()) : client;
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("gatehouse.signing.tsa.url or .policy is invalid: " + e.getMessage(), e);
            }
            return client.checkedBy(new TimeStampVerifier(anchors()));
        });
    }

    private static URI uri(String text) {
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("gatehouse.signing.tsa.url is not a URL", e);
        }
    }

    private static List<X509Certificate> roots(String path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of(path));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("gatehouse.signing.tsa.trust cannot be read: " + path, e);
        }
        if (bytes.length > MAX_TRUST_FILE_BYTES) {
            throw new IllegalStateException("gatehouse.signing.tsa.trust is larger than 1 MiB: " + path);
        }
        List<X509Certificate> roots = Certificates.parseAllPem(bytes).orElseThrow(() -> new IllegalStateException(
                "gatehouse.signing.tsa.trust holds no PEM certificates (or a malformed one): " + path));
        try {
            roots.forEach(CertificateTrust::new);
        } catch (EvidenceException e) {
            throw new IllegalStateException("gatehouse.signing.tsa.trust: " + e.getMessage(), e);
        }
        return roots;
    }
}
