package org.gatehouse.web.it;

import static org.gatehouse.web.it.ProjectsIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.StrictBase64;
import org.gatehouse.evidence.authority.SigningAuthority;
import org.gatehouse.evidence.certificate.CertificateVerifier;
import org.gatehouse.evidence.certificate.TimeStampPins;
import org.gatehouse.evidence.certificate.TrustPin;
import org.gatehouse.evidence.timestamp.TimeStampAuthority;
import org.gatehouse.launcher.PayaraMicroProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An external RFC 3161 TSA with its own root, served from this test JVM over HTTP, configured with
 * gatehouse.signing.tsa.url and .trust (7.4.3): decisions carry its tokens and verify, the release
 * certificate carries its root (format 2) and verifies with it pinned (7.8.4); when it stops
 * answering, a decision fails with 503 and nothing is written. Runs on a server of its own.
 */
class ExternalTsaIT {
    private static final SigningAuthority ROOT = SigningAuthority.create("Example Time Root", Duration.ofDays(3650),
            Clock.systemUTC());
    private static final AtomicInteger STAMPED = new AtomicInteger();
    private static HttpServer tsa;
    private static TestDatabase database;
    private static PayaraMicroProcess server;

    @BeforeAll
    static void start() throws IOException {
        TimeStampAuthority authority = TimeStampAuthority.of(ROOT.issueTimeStampingKey("Example TSA",
                Duration.ofDays(365)), Clock.systemUTC());
        tsa = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tsa.createContext("/tsr", exchange -> {
            byte[] answer = authority.respond(exchange.getRequestBody().readNBytes(64 * 1024));
            STAMPED.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        tsa.start();
        Path trust = Files.writeString(GatehouseServer.itDirectory().resolve("external-tsa-roots.pem"),
                Certificates.pem(ROOT.certificate()));
        database = TestDatabase.create(GatehouseServer.itDirectory().resolve("databases"));
        Map<String, String> env = new HashMap<>(GatehouseServer.TEST_ENVIRONMENT);
        env.put("GATEHOUSE_SIGNING_TSA_URL", "http://127.0.0.1:" + tsa.getAddress().getPort() + "/tsr");
        env.put("GATEHOUSE_SIGNING_TSA_TRUST", trust.toString());
        env.put("GATEHOUSE_SIGNING_TSA_TIMEOUT_SECONDS", "3");
        server = GatehouseServer.start(database.application(), env);
    }

    @AfterAll
    static void stop() {
        try {
            tsa.stop(0);
        } catch (RuntimeException alreadyStopped) {
            // the test stops it on purpose
        }
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void decisionsAreStampedByTheExternalTsaAndFailWhenItIsDown() {
        Api admin = Users.firstLogin(new Api(server.baseUri()), "admin", Users.ADMIN_INITIAL_PASSWORD, Users.PASSWORD);
        Users users = new Users(admin);
        String project = Fixtures.uniqueKey("TSA");
        assertEquals(201, admin.post("/api/v1/projects", Fixtures.project(project, "Shop " + project, 1)).status());
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api reviewer = users.withProjectRole("SECURITY_REVIEWER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api tester = users.withProjectRole("TESTER", project);

        // a whole release, every decision stamped externally: the certificate carries the TSA root (format 2)
        String released = ReleaseDriver.released(owner, developer, tester, reviewer, project, "0.9");
        Api.Reply certificate = owner.get("/api/v1/releases/" + released + "/certificate");
        assertEquals(200, certificate.status(), certificate::toString);
        JsonNode document = certificate.json();
        assertEquals("gatehouse-release-certificate/2", document.get("format").asText());
        assertEquals(StrictBase64.encode(Certificates.der(ROOT.certificate())),
                document.at("/authority/timeStampRoots/0").asText());
        JsonNode report = owner.send("POST", "/api/v1/certificates/verification", certificate.body(), "application/json")
                .json();
        assertEquals("VALID", report.get("verdict").asText(), report::toString);
        assertTrue(report.toString().contains("independent time evidence"), report::toString);
        byte[] bytes = certificate.body().getBytes(StandardCharsets.UTF_8);
        Optional<TrustPin> ca = Optional.of(TrustPin.ofFingerprint(Sha256.fromHex(
                admin.get("/api/v1/certificates/authority").json().get("sha256").asText())));
        assertTrue(CertificateVerifier.verify(bytes, ca, TimeStampPins.ofRoots(List.of(ROOT.certificate()))).isValid());
        assertFalse(CertificateVerifier.verify(bytes, ca, TimeStampPins.only(List.of())).isValid(),
                "an external root that is not pinned fails once pins are given");

        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json()
                .get("id").asText();
        ReleaseDriver driver = new ReleaseDriver(owner, release);
        assertEquals(200, owner.put(driver.at("/risk-assessment"), "{\"assetValue\":1,\"likelihood\":2,\"impact\":2,"
                + "\"threats\":\"coupon abuse\",\"businessLoss\":\"discount fraud\"}").status());

        driver.sign(owner, "risk-assessment", "PROJECT_OWNER");
        assertTrue(STAMPED.get() >= 1, "the external TSA was asked");
        JsonNode signatures = owner.get(driver.at("/lifecycle/signatures")).json();
        // the sign-off of this second release is its first decision
        assertEquals(1, signatures.size(), signatures::toString);
        assertTrue(signatures.get(0).get("valid").asBoolean(), signatures::toString);
        assertEquals("Example TSA", signatures.get(0).get("timeStampAuthority").asText(), signatures::toString);

        JsonNode authority = admin.get("/api/v1/certificates/authority").json();
        assertEquals(Certificates.fingerprint(ROOT.certificate()).hex(),
                authority.get("timeStampRoots").get(0).get("sha256").asText(), authority::toString);

        // the TSA stops answering: the sign-off is refused, nothing is recorded, the own TSA does not stand in
        tsa.stop(0);
        Api.Reply refused = reviewer.post(driver.at("/sign-offs"), "{\"subject\":\"risk-assessment\","
                + "\"role\":\"SECURITY_REVIEWER\",\"contentSha256\":\"" + driver.digest("risk-assessment") + "\"}");
        assertProblem(refused, 503, "unavailable");
        assertTrue(refused.json().get("detail").asText().contains("time-stamp"), refused::toString);
        assertEquals(1, owner.get(driver.at("/lifecycle/signatures")).json().size());
        for (JsonNode subject : owner.get(driver.at("/sign-offs")).json()) {
            if (subject.get("subject").asText().equals("risk-assessment")) {
                assertTrue(subject.toString().contains("SECURITY_REVIEWER"), subject::toString);
                assertTrue(!subject.path("agreed").asBoolean(), subject::toString);
            }
        }
    }
}
