package org.gatehouse.evidence;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.gatehouse.evidence.authority.CertificateTrust;
import org.gatehouse.evidence.authority.SigningAuthority;
import org.gatehouse.evidence.timestamp.HttpTimeStamper;
import org.gatehouse.evidence.timestamp.TimeStampAuthority;

/**
 * A second, independent RFC 3161 TSA: its own root (nothing to do with the Gatehouse CA), its own
 * policy, served over HTTP by the JDK's server on a free loopback port, as a commercial TSA would be.
 */
public final class ExternalTsa implements AutoCloseable {
    public static final String POLICY = "1.2.3.4.5.6.7";
    public final SigningAuthority root;
    public final TimeStampAuthority tsa;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    public ExternalTsa(String rootName) {
        root = SigningAuthority.create(rootName, Duration.ofDays(3650), TestPki.CLOCK);
        tsa = TimeStampAuthority.of(root.issueTimeStampingKey(rootName + " TSA", Duration.ofDays(3000)), TestPki.CLOCK,
                new TimeStampAuthority.Settings(new ASN1ObjectIdentifier(POLICY), Duration.ofMillis(500)));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/tsr", exchange -> {
            byte[] answer = tsa.respond(exchange.getRequestBody().readNBytes(64 * 1024));
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsr");
    }

    public HttpTimeStamper client() {
        return new HttpTimeStamper(url(), Duration.ofSeconds(10));
    }

    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    public CertificateTrust trust() {
        return new CertificateTrust(root.certificate());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
