package org.gatehouse.scanner.core.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gatehouse.scanner.api.Location;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.Severity;
import org.gatehouse.scanner.core.intake.IntakeLimits;
import org.junit.jupiter.api.Test;

/**
 * The secrets check (C.2, 8.5.2): the credential patterns, registered production keys found by the
 * fingerprint of their public part (as a public key, a certificate, a PKCS#8 or PKCS#1 private key, in
 * a JSON string), registered secrets by keyed hash, and hostile input — huge lines, binary files, zip
 * and gzip bombs, nested archives — behind the intake's guards. No finding carries the matched text.
 */
class SecretsCheckTest {
    static final String SECRET = "Pr0duction-Db-Passw0rd!";

    static String resource(String name) {
        try (InputStream in = SecretsCheckTest.class.getResourceAsStream("/secrets/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fingerprint of the test "production" key, as the register keeps it (from its certificate). */
    static String productionFingerprint() {
        return KeyFingerprints.ofPublicPem(resource("test-prod.crt")).orElseThrow();
    }

    /** A register with the test key and one secret; the "keyed hash" here is the identity (the core's is HMAC). */
    static KnownKeys register() {
        String fingerprint = productionFingerprint();
        return new KnownKeys() {
            @Override
            public Optional<Match> byPublicKey(String sha256) {
                return sha256.equals(fingerprint) ? Optional.of(new Match("key-1", "payment signing key")) : Optional.empty();
            }

            @Override
            public Optional<Match> bySecret(String candidate) {
                return candidate.equals(SECRET) ? Optional.of(new Match("secret-1", "orders database password"))
                        : Optional.empty();
            }

            @Override
            public Set<Integer> secretLengths() {
                return Set.of(SECRET.length());
            }
        };
    }

    static List<ReportedFinding> check(String name, byte[] upload) throws ReportParseException {
        return check(name, upload, IntakeLimits.defaults().withMaxZipEntries(1000));
    }

    static List<ReportedFinding> check(String name, byte[] upload, IntakeLimits limits) throws ReportParseException {
        List<ReportedFinding> found = new ArrayList<>();
        new SecretsCheck(register(), limits, upload.length).parse(ReportSource.of(name, upload), found::add);
        return found;
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static void assertNoSecretIn(List<ReportedFinding> findings) {
        String key = resource("test-prod.key");
        String body = key.substring(key.indexOf('\n') + 1, key.indexOf('\n') + 40);
        for (ReportedFinding f : findings) {
            String all = f.title() + f.description() + f.location() + f.fingerprint() + f.ruleId();
            assertFalse(all.contains(SECRET), "the secret is in " + all);
            assertFalse(all.contains(body), "key material is in " + all);
            assertFalse(all.contains("AKIA"), "the key id is in " + all);
        }
    }

    @Test
    void theCredentialPatternsFindKeysAndPasswordsButNotPlaceholders() throws Exception {
        String fixture = String.join("\n",
                "# test settings",
                "db.password=hunter2hunter2",
                "db.password=${DB_PASSWORD}",
                "admin_password: \"********\"",
                "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "\"apiKey\": \"<your key here>\"",
                "-----BEGIN OPENSSH PRIVATE KEY-----",
                "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ",
                "-----END OPENSSH PRIVATE KEY-----",
                "nothing here");
        List<ReportedFinding> found = check("fixtures/app-test.properties", ascii(fixture));
        List<String> rules = found.stream().map(f -> f.ruleId() + "@" + line(f)).toList();
        assertEquals(List.of("password-assignment@2", "aws-access-key-id@5", "aws-secret-access-key@6",
                "private-key@8"), rules);
        assertTrue(found.stream().allMatch(f -> f.severity() == Severity.HIGH && f.cwe().equals(Optional.of(798))));
        assertEquals("fixtures/app-test.properties", ((Location.Code) found.get(0).location()).path());
        assertNoSecretIn(found);
    }

    @Test
    void aRegisteredKeyIsFoundAsPublicKeyCertificateAndBothPrivateKeyForms() throws Exception {
        byte[] upload = zip(Map.of(
                "keys/prod.pub", ascii(resource("test-prod.pub")),
                "keys/prod.crt", ascii("some text\n" + resource("test-prod.crt")),
                "keys/prod.key", ascii(resource("test-prod.key")),
                "keys/prod-pkcs1.key", ascii(resource("test-prod-pkcs1.key")),
                "json/fixture.json", ascii("{\"key\": \"" + resource("test-prod.key").replace("\n", "\\n") + "\"}\n")));
        List<ReportedFinding> found = check("test-data.zip", upload);
        List<String> registered = found.stream().filter(f -> f.ruleId().equals("registered-production-key"))
                .map(f -> ((Location.Code) f.location()).path() + "@" + line(f)).sorted().toList();
        assertEquals(List.of("json/fixture.json@1", "keys/prod-pkcs1.key@1", "keys/prod.crt@2", "keys/prod.key@1",
                "keys/prod.pub@1"), registered);
        ReportedFinding one = found.stream().filter(f -> f.ruleId().equals("registered-production-key")).findFirst()
                .orElseThrow();
        assertEquals(Severity.CRITICAL, one.severity());
        assertTrue(one.description().contains("\"payment signing key\" (key-1)"), one.description());
        // the private keys are also found by the pattern, once per file
        assertEquals(3, found.stream().filter(f -> f.ruleId().equals("private-key")).count());
        assertNoSecretIn(found);
    }

    @Test
    void anotherKeyIsNotTheRegisteredOne() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String other = "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        assertTrue(KeyFingerprints.ofPublicPem(other).isPresent());
        assertFalse(KeyFingerprints.ofPublicPem(other).equals(Optional.of(productionFingerprint())));
        assertTrue(check("other.pem", ascii(other)).isEmpty());
    }

    @Test
    void theFingerprintsOfCertificatePublicKeyAndPrivateKeyAgree() throws Exception {
        String fromCertificate = productionFingerprint();
        assertEquals(KeyFingerprints.of(CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(ascii(resource("test-prod.crt")))).getPublicKey()), fromCertificate);
        assertEquals(Optional.of(fromCertificate), KeyFingerprints.ofPublicPem(resource("test-prod.pub")));
        assertEquals(Optional.empty(), KeyFingerprints.ofPublicPem("-----BEGIN PUBLIC KEY-----\nnot base64 !!\n"
                + "-----END PUBLIC KEY-----"));
        assertEquals(Optional.empty(), KeyFingerprints.ofPublicPem(resource("test-prod.key")), "private keys are not registered");
    }

    @Test
    void aRegisteredSecretIsFoundByItsKeyedHashInAssignmentsAndQuotes() throws Exception {
        String fixture = "spring.datasource.password=" + SECRET + "\n"
                + "{\"user\": \"orders\", \"pw\": \"" + SECRET + "\"}\n"
                + "unrelated " + SECRET.substring(1) + "x\n";
        List<ReportedFinding> found = check("application-test.properties", ascii(fixture));
        List<String> secrets = found.stream().filter(f -> f.ruleId().equals("registered-production-secret"))
                .map(f -> "" + line(f)).toList();
        assertEquals(List.of("1", "2"), secrets);
        assertTrue(found.stream().filter(f -> f.ruleId().equals("registered-production-secret")).findFirst().orElseThrow()
                .description().contains("\"orders database password\" (secret-1)"));
        assertNoSecretIn(found);
    }

    @Test
    void aHugeLineIsReadInBoundedPieces() throws Exception {
        byte[] huge = new byte[40 << 20];
        Arrays.fill(huge, (byte) 'a');
        byte[] tail = ascii(" password=hunter2hunter2\n");
        byte[] upload = Arrays.copyOf(huge, huge.length + tail.length);
        System.arraycopy(tail, 0, upload, huge.length, tail.length);
        List<ReportedFinding> found = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> check("huge.txt", upload));
        assertEquals(List.of("password-assignment"), found.stream().map(ReportedFinding::ruleId).toList());
        assertEquals(1, line(found.get(0)));
    }

    @Test
    void aBinaryFileIsReadWithoutFailing() throws Exception {
        byte[] binary = new byte[4 << 20];
        new Random(42).nextBytes(binary);
        byte[] marker = ascii("\nAKIAIOSFODNN7EXAMPLE\n");
        System.arraycopy(marker, 0, binary, 1000, marker.length);
        List<ReportedFinding> found = check("lib/native.so", binary);
        assertTrue(found.stream().anyMatch(f -> f.ruleId().equals("aws-access-key-id")), found.toString());
    }

    @Test
    void aZipBombIsStoppedByTheRatio() throws Exception {
        byte[] zeros = new byte[1 << 20];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros.txt"));
            for (int i = 0; i < 256; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        ReportParseException refused = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(ReportParseException.class, () -> check("bomb.zip", out.toByteArray())));
        assertTrue(refused.getMessage().contains("100 times"), refused.getMessage());
    }

    @Test
    void aGzipBombIsStoppedByTheTotal() throws Exception {
        byte[] bomb = gzip(new byte[16 << 20]);
        IntakeLimits limits = IntakeLimits.defaults().withMaxUncompressedBytes(1 << 20).withMaxCompressionRatio(1_000_000);
        ReportParseException refused = assertThrows(ReportParseException.class, () -> check("bomb.txt.gz", bomb, limits));
        assertTrue(refused.getMessage().contains("1 MiB"), refused.getMessage());
    }

    @Test
    void tooManyEntriesAreRefused() throws Exception {
        java.util.LinkedHashMap<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            files.put("f" + i + ".txt", ascii("x"));
        }
        assertThrows(ReportParseException.class, () -> check("many.zip", zip(files),
                IntakeLimits.defaults().withMaxZipEntries(10)));
    }

    @Test
    void aNestedArchiveIsSkippedAndAGzipIsReadAsItsFile() throws Exception {
        byte[] inner = zip(Map.of("secret.txt", ascii("password=hunter2hunter2")));
        byte[] upload = zip(Map.of("lib/inner.jar", inner, "conf/app.yml", ascii("token: abcdefgh12345678")));
        List<ReportedFinding> found = check("app.war", upload);
        assertEquals(List.of("conf/app.yml"), found.stream().map(f -> ((Location.Code) f.location()).path()).toList());
        List<ReportedFinding> gz = check("dump.sql.gz", gzip(ascii("INSERT INTO x VALUES ('a');\npassword = 'hunter2hunter2'")));
        assertEquals("dump.sql", ((Location.Code) gz.get(0).location()).path());
        assertEquals(2, line(gz.get(0)));
    }

    @Test
    void aCorruptArchiveIsUnreadable() {
        byte[] truncated = Arrays.copyOf(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3}, 13);
        assertThrows(ReportParseException.class, () -> check("broken.gz", truncated));
    }

    @Test
    void pathsAreCleanedForDisplay() {
        assertEquals("etc/passwd", SecretsCheck.path("/etc/passwd"));
        assertEquals("a/b.txt", SecretsCheck.path("./a\\b.txt"));
        assertEquals("ab.txt", SecretsCheck.path("a\u0000b\u202e.txt"));
        assertEquals("(unnamed)", SecretsCheck.path(""));
    }

    @Test
    void placeholdersAreRecognised() {
        assertTrue(CredentialRule.placeholder("${SECRET}"));
        assertTrue(CredentialRule.placeholder("xxxxxxxx"));
        assertFalse(CredentialRule.placeholder("hunter2hunter2"));
    }

    private static int line(ReportedFinding finding) {
        return ((Location.Code) finding.location()).startLine().orElseThrow();
    }
}
