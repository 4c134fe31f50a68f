package org.gatehouse.workflow.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.authority.SigningAuthority;
import org.gatehouse.evidence.timestamp.TimeStampAuthority;
import org.gatehouse.evidence.timestamp.TimeStampFailed;
import org.gatehouse.evidence.timestamp.TimeStampToken;
import org.gatehouse.evidence.timestamp.TimeStampVerifier;
import org.gatehouse.evidence.timestamp.TimeStamper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gatehouse.signing.tsa.* settings against an external TSA with its own root, served over HTTP. */
class ExternalTimeStampingTest {
    private static final Sha256 DATA = Sha256.of("signature".getBytes(StandardCharsets.UTF_8));
    private static final SigningAuthority ROOT = SigningAuthority.create("Example Time Root", Duration.ofDays(3650),
            Clock.systemUTC());
    private static final SigningAuthority OTHER_ROOT = SigningAuthority.create("Other Time Root", Duration.ofDays(3650),
            Clock.systemUTC());
    private static HttpServer server;
    @TempDir
    static Path dir;
    private static Path trust;

    @BeforeAll
    static void serve() throws IOException {
        TimeStampAuthority tsa = TimeStampAuthority.of(ROOT.issueTimeStampingKey("Example TSA", Duration.ofDays(300)),
                Clock.systemUTC());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tsr", exchange -> {
            byte[] answer = tsa.respond(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        trust = Files.writeString(dir.resolve("tsa-roots.pem"), Certificates.pem(ROOT.certificate()));
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static Optional<String> url() {
        return Optional.of("http://127.0.0.1:" + server.getAddress().getPort() + "/tsr");
    }

    @Test
    void withoutAUrlTheOwnTsaStampsAndTrustStaysForOldTokens() {
        ExternalTimeStamping none = ExternalTimeStamping.of(Optional.empty(), Optional.empty(), Optional.empty(), 10);
        assertTrue(none.stamper().isEmpty());
        assertTrue(none.roots().isEmpty());
        ExternalTimeStamping switchedBack = ExternalTimeStamping.of(Optional.of(" "), Optional.of(trust.toString()),
                Optional.empty(), 10);
        assertTrue(switchedBack.stamper().isEmpty());
        assertEquals(List.of(ROOT.certificate()), switchedBack.roots());
    }

    @Test
    void withAUrlTheExternalTsaStampsAndItsTokensVerifyUnderItsRoot() {
        ExternalTimeStamping external = ExternalTimeStamping.of(url(), Optional.of(trust.toString()), Optional.empty(), 5);
        TimeStampToken token = external.stamper().orElseThrow().stamp(DATA);
        assertEquals(ROOT.certificate(), new TimeStampVerifier(external.anchors()).verify(token, DATA).anchor());
    }

    @Test
    void aTsaThatDoesNotChainToTheConfiguredTrustFailsAtOnce() throws IOException {
        Path other = Files.writeString(dir.resolve("other.pem"), Certificates.pem(OTHER_ROOT.certificate()));
        TimeStamper stamper = ExternalTimeStamping.of(url(), Optional.of(other.toString()), Optional.empty(), 5)
                .stamper().orElseThrow();
        assertThrows(TimeStampFailed.class, () -> stamper.stamp(DATA));
    }

    @Test
    void aPolicyTheTsaDoesNotOfferFailsTheStamp() {
        TimeStamper stamper = ExternalTimeStamping.of(url(), Optional.of(trust.toString()), Optional.of("1.2.3.4.99"), 5)
                .stamper().orElseThrow();
        assertThrows(TimeStampFailed.class, () -> stamper.stamp(DATA));
    }

    @Test
    void wrongSettingsNameTheirProperty() throws IOException {
        assertMessage("gatehouse.signing.tsa.trust is not", () -> ExternalTimeStamping.of(url(), Optional.empty(),
                Optional.empty(), 10));
        assertMessage("gatehouse.signing.tsa.trust cannot be read", () -> ExternalTimeStamping.of(url(),
                Optional.of(dir.resolve("missing.pem").toString()), Optional.empty(), 10));
        Path junk = Files.writeString(dir.resolve("junk.pem"), "no certificates here");
        assertMessage("holds no PEM certificates", () -> ExternalTimeStamping.of(url(), Optional.of(junk.toString()),
                Optional.empty(), 10));
        Path leaf = Files.writeString(dir.resolve("leaf.pem"), Certificates.pem(ROOT.issueTimeStampingKey("leaf",
                Duration.ofDays(1)).certificate()));
        assertMessage("not a CA certificate", () -> ExternalTimeStamping.of(url(), Optional.of(leaf.toString()),
                Optional.empty(), 10));
        assertMessage("gatehouse.signing.tsa.url", () -> ExternalTimeStamping.of(Optional.of("ftp://tsa.example/"),
                Optional.of(trust.toString()), Optional.empty(), 10));
        assertMessage("gatehouse.signing.tsa.url", () -> ExternalTimeStamping.of(url(), Optional.of(trust.toString()),
                Optional.of("not-an-oid"), 10));
        assertMessage("timeout-seconds", () -> ExternalTimeStamping.of(url(), Optional.of(trust.toString()),
                Optional.empty(), 0));
    }

    @Test
    void theRefusalHasAMessageInBothLanguages() {
        DecisionNotTimeStamped refused = new DecisionNotTimeStamped();
        assertEquals(503, refused.type().status());
        String english = refused.detail(Locale.ENGLISH);
        String chinese = refused.detail(Locale.SIMPLIFIED_CHINESE);
        assertTrue(english.contains("time-stamp"), english);
        assertNotEquals(english, chinese);
        assertTrue(chinese.contains("时间戳"), chinese);
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
