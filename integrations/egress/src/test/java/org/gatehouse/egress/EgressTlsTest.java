package org.gatehouse.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pinning keeps TLS on the URL's host name: the socket goes to the checked address, while SNI and the
 * certificate check use the name (a certificate for another name is refused). The certificate is made
 * here with the JDK's keytool, for {@code pinned.test} only.
 */
class EgressTlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static HttpsServer server;
    private static SSLContext trusting;
    private static final List<String> sni = new CopyOnWriteArrayList<>();
    private static final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=pinned.test", "-ext", "SAN=dns:pinned.test", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", keys.getCertificate("server"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = serverTls.getDefaultSSLParameters();
                parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        sni.add(((SNIHostName) name).getAsciiName());
                        return true;
                    }
                }));
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestHeaders().getFirst("Host"));
            byte[] body = "secure".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static EgressClient client() {
        return new EgressClient(EgressPolicy.allowing("127.0.0.1/32"), new EgressClient.Limits(Duration.ofSeconds(2),
                Duration.ofSeconds(3), Duration.ofSeconds(5), 1024), host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")},
                trusting);
    }

    @Test
    void sniAndTheCertificateCheckUseTheUrlsHostNameWhileTheSocketUsesTheCheckedAddress() throws Exception {
        sni.clear();
        requests.clear();
        int port = server.getAddress().getPort();
        try (EgressClient client = client()) {
            EgressResponse answer = client.send(EgressRequest.get(URI.create("https://pinned.test:" + port + "/"), Map.of()));
            assertEquals(200, answer.status());
            assertEquals("secure", new String(answer.body(), StandardCharsets.UTF_8));
        }
        assertEquals(List.of("pinned.test"), sni);
        assertEquals(List.of("pinned.test:" + port), requests);
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        requests.clear();
        int port = server.getAddress().getPort();
        try (EgressClient client = client()) {
            EgressFailed failed = assertThrows(EgressFailed.class,
                    () -> client.send(EgressRequest.get(URI.create("https://other.test:" + port + "/"), Map.of())));
            assertEquals(EgressFailed.Kind.UNREACHABLE, failed.kind());
            assertTrue(failed.getMessage().contains("SSL"), failed.getMessage());
        }
        assertTrue(requests.isEmpty(), "nothing was sent over an unverified connection");
    }
}
