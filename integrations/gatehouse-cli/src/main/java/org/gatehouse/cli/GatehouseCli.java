package org.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.evidence.certificate.VerifyCertificate;
import org.gatehouse.platform.crypto.RequestSignature;

/**
 * {@code gatehouse-cli} for CI pipelines (ADR 0012):
 * <ul>
 * <li>{@code push (--release ID | --project KEY --release-version V [--create-release]) --scanner
 * sarif|spotbugs|zap|gitleaks|cyclonedx --file REPORT [--category C] [--commit SHA] [--build ID] [--branch B]
 * [--pipeline-url URL] [--artifact-sha256 HEX] [--idempotency-key K] [--wait 30s | --wait-seconds N] [--advance]}:
 * signs and uploads a report with its build context, waits for the import, prints its counts; by version it names the release by its version, opening it with {@code --create-release}
 * (token scope {@code releases:write}); {@code --advance} then asks for the CI-scoped advance (token scope
 * {@code releases:advance-scan}) and prints what happened. Exit 0 imported (advanced or not),
 * 1 refused or failed, 2 usage or connection error.</li>
 * <li>{@code scan --release ID (--artifact FILE | --artifact-path PATH [--dependency-path PATH]... | --target URL)
 * [--rules RULES.json] [--category C] [--commit SHA] [--build ID] [--wait-seconds N]}: starts a white-box scan of an
 * uploaded artifact or of one on the server's shared storage, or a black-box scan of a running product, and follows
 * it ({@link ScanCommand}). Exit 0 succeeded, 1 refused, failed, cancelled or timed out, 2 usage or connection
 * error or still running when the wait ends.</li>
 * <li>{@code gate --release ID}: exit 0 when the release's gate passes, 1 when it fails (reasons on
 * stderr), 2 on any error.</li>
 * <li>{@code verify CERT.json [--ca CA.pem | --ca-sha256 HEX]}: offline release-certificate check
 * (exit 0 valid, 1 invalid, 2 unreadable).</li>
 * </ul>
 * Connection: {@code --url} / {@code GATEHOUSE_URL}, {@code --token} / {@code GATEHOUSE_TOKEN},
 * {@code --key-id} / {@code GATEHOUSE_KEY_ID}, {@code --hmac-key} / {@code GATEHOUSE_HMAC_KEY}
 * (requests are signed when a key is given). Progress goes to stderr, one plain line per step when
 * stderr is not a terminal.
 */
public final class GatehouseCli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int ERROR = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FLAGS_WITH_VALUES = Set.of("--url", "--token", "--key-id", "--hmac-key", "--release",
            "--scanner", "--file", "--category", "--commit", "--build", "--branch", "--pipeline-url", "--artifact-sha256",
            "--idempotency-key", "--wait-seconds", "--wait",
            "--project", "--release-version", "--artifact", "--artifact-path", "--dependency-path", "--target", "--rules");
    private static final Set<String> SWITCHES = Set.of("--create-release", "--advance");
    /** Flags that may repeat; their values are kept joined by a newline. */
    static final String REPEATED = "--dependency-path";
    private static final String USAGE = """
            usage: gatehouse-cli push (--release ID | --project KEY --release-version V [--create-release])
                                      --scanner sarif|spotbugs|zap|gitleaks|cyclonedx --file REPORT [--category C] [--commit SHA]
                                      [--build ID] [--branch B] [--pipeline-url URL] [--artifact-sha256 HEX]
                                      [--idempotency-key K] [--wait 30s | --wait-seconds N] [--advance]
                   gatehouse-cli scan --release ID (--artifact FILE | --artifact-path PATH [--dependency-path PATH]...
                                      | --target URL) [--rules RULES.json] [--category C] [--commit SHA] [--build ID]
                                      [--wait-seconds N]
                   gatehouse-cli gate --release ID
                   gatehouse-cli verify CERT.json [--ca CA.pem | --ca-sha256 HEX]
              connection: --url/GATEHOUSE_URL --token/GATEHOUSE_TOKEN --key-id/GATEHOUSE_KEY_ID --hmac-key/GATEHOUSE_HMAC_KEY""";

    final Map<String, String> options;
    private final Map<String, String> env;
    final PrintStream out;
    final PrintStream err;
    final boolean interactive;
    /**
     * HTTP/1.1, as curl speaks to an http:// address: the JDK's client would otherwise ask for HTTP/2, and the server's
     * HTTP/2 (Grizzly's flow control) made a re-import of a 100,000-result report take 1.41 s instead of 1.08 s and
     * 0.3 CPU seconds more of the server (medians of 7, side by side; ADR 0007). One large upload gains nothing from
     * multiplexing.
     */
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(15)).followRedirects(HttpClient.Redirect.NEVER).build();

    private GatehouseCli(Map<String, String> options, Map<String, String> env, PrintStream out, PrintStream err,
            boolean interactive) {
        this.options = options;
        this.env = env;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err, System.console() != null));
    }

    /** Runs a command and returns its exit code (the IT calls this in-process). */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean interactive) {
        if (args.length == 0) {
            err.println(USAGE);
            return ERROR;
        }
        if (args[0].equals("verify")) {
            return VerifyCertificate.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (SWITCHES.contains(args[i])) {
                options.put(args[i], "true");
                continue;
            }
            if (!FLAGS_WITH_VALUES.contains(args[i]) || i + 1 >= args.length) {
                err.println("gatehouse-cli: unknown option or missing value: " + args[i]);
                err.println(USAGE);
                return ERROR;
            }
            String flag = args[i];
            String value = args[++i];
            options.merge(flag, value, (a, b) -> flag.equals(REPEATED) ? a + "\n" + b : b);
        }
        GatehouseCli cli = new GatehouseCli(options, env, out, err, interactive);
        try {
            return switch (args[0]) {
                case "push" -> cli.push();
                case "gate" -> cli.gate();
                case "scan" -> new ScanCommand(cli).run();
                default -> {
                    err.println(USAGE);
                    yield ERROR;
                }
            };
        } catch (Usage e) {
            err.println("gatehouse-cli: " + e.getMessage());
            return ERROR;
        } catch (IOException e) {
            err.println("gatehouse-cli: " + (e.getMessage() == null ? "cannot reach the server (" + e + ")" : e.getMessage()));
            return ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("gatehouse-cli: interrupted");
            return ERROR;
        }
    }

    private int push() throws IOException, InterruptedException {
        Optional<String> version = Optional.ofNullable(options.get("--release-version")).filter(v -> !v.isBlank());
        if (version.isPresent() == options.containsKey("--release")) {
            throw new Usage("name the release: --release ID or --project KEY --release-version V");
        }
        if (options.containsKey("--create-release") && version.isEmpty()) {
            throw new Usage("--create-release needs --release-version");
        }
        String project = version.isPresent() ? setting("--project", "GATEHOUSE_PROJECT")
                .orElseThrow(() -> new Usage("--release-version needs --project or GATEHOUSE_PROJECT")) : "";
        String release = version.map(v -> project + "@" + v).orElseGet(() -> required("--release"));
        String scanner = required("--scanner");
        Path file = Path.of(required("--file"));
        if (!Files.isRegularFile(file)) {
            throw new Usage("no such file: " + file);
        }
        Duration wait = Duration.ofSeconds(Long.parseLong(Optional.ofNullable(options.get("--wait"))
                .map(w -> w.endsWith("s") ? w.substring(0, w.length() - 1) : w)
                .orElse(options.getOrDefault("--wait-seconds", "900"))));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("scanner", scanner);
        for (String name : new String[] {"category", "commit", "build", "branch"}) {
            Optional.ofNullable(options.get("--" + name)).ifPresent(v -> fields.put(name, v));
        }
        Optional.ofNullable(options.get("--pipeline-url")).ifPresent(v -> fields.put("pipelineUrl", v));
        Optional.ofNullable(options.get("--artifact-sha256")).ifPresent(v -> fields.put("artifactSha256", v));
        version.ifPresent(v -> fields.put("releaseVersion", v));
        if (options.containsKey("--create-release")) {
            fields.put("createRelease", "true");
        }
        String fileSha256 = sha256(file);
        String key = Optional.ofNullable(options.get("--idempotency-key")).orElseGet(() -> "ghpush-"
                + RequestSignature.hex(RequestSignature.sha256().digest(String.join("\n", release, scanner,
                        fields.getOrDefault("category", ""), fields.getOrDefault("commit", ""),
                        fields.getOrDefault("build", ""), fileSha256).getBytes(StandardCharsets.UTF_8))).substring(0, 40));

        MultipartFile body = MultipartFile.of(fields, file);
        URI uri = api(version.isPresent() ? "/api/v1/projects/" + encode(project) + "/imports"
                : "/api/v1/releases/" + encode(release) + "/imports");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(wait.plusMinutes(5))
                .POST(body.publisher())
                .header("Content-Type", body.contentType())
                .header("Idempotency-Key", key);
        authorize(request, "POST", uri, body.sha256());
        progress("uploading " + file.getFileName() + " (" + Files.size(file) + " bytes, sha256 " + fileSha256 + ")");
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 202) {
            return refused(response);
        }
        JsonNode imported = JSON.readTree(response.body());
        if (response.headers().firstValue("Gatehouse-Release-Opened").isPresent()) {
            progress("opened release " + version.orElse("") + " (" + imported.path("release").asText() + ")");
        }
        if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
            progress("already pushed with idempotency key " + key + ": import " + imported.path("id").asText());
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (!finished(imported) && System.nanoTime() < deadline) {
            JsonNode progress = imported.path("progress");
            progress("import " + imported.path("id").asText() + " " + imported.path("status").asText()
                    + (progress.isMissingNode() || progress.isNull() ? "" : " " + progress.path("phase").asText() + " "
                            + progress.path("percent").asInt() + "%"));
            // a bounded long-poll: the server answers as soon as the import finished (at most 25 s here)
            long seconds = Math.max(1, Math.min(25, (deadline - System.nanoTime()) / 1_000_000_000L));
            URI status = api("/api/v1/imports/" + encode(imported.path("id").asText()) + "?wait=" + seconds + "s");
            HttpRequest.Builder poll = HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(60)).GET();
            authorize(poll, "GET", status, RequestSignature.EMPTY_SHA256);
            HttpResponse<String> polled = http.send(poll.build(), HttpResponse.BodyHandlers.ofString());
            if (polled.statusCode() != 200) {
                return refused(polled);
            }
            imported = JSON.readTree(polled.body());
        }
        finishLine();
        String state = imported.path("status").asText();
        if (state.equals("COMPLETED")) {
            JsonNode counts = imported.path("counts");
            out.println("import " + imported.path("id").asText() + " COMPLETED: created " + counts.path("created").asLong()
                    + ", unchanged " + counts.path("unchanged").asLong() + ", closed " + counts.path("closed").asLong()
                    + ", reopened " + counts.path("reopened").asLong() + ", verified " + counts.path("verified").asLong());
            return options.containsKey("--advance") ? advance(imported) : OK;
        }
        err.println("import " + imported.path("id").asText() + " " + state + ": " + imported.path("errorType").asText("")
                + " " + imported.path("errorDetail").asText(""));
        return state.equals("FAILED") ? FAILED : ERROR;
    }

    /** The CI-scoped advance after a completed import: prints what happened; refused is exit 1. */
    private int advance(JsonNode imported) throws IOException, InterruptedException {
        String release = imported.path("release").asText();
        URI uri = api("/api/v1/releases/" + encode(release) + "/scan-advance");
        byte[] body = JSON.writeValueAsBytes(Map.of("import", imported.path("id").asText()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
        authorize(request, "POST", uri, RequestSignature.hex(RequestSignature.sha256().digest(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return refused(response);
        }
        JsonNode answer = JSON.readTree(response.body());
        String recorded = answer.path("activityCompleted").isTextual()
                ? " (" + answer.get("activityCompleted").asText() + " recorded)" : "";
        switch (answer.path("outcome").asText()) {
            case "ADVANCED" -> out.println("advanced: " + answer.path("from").asText() + " -> " + answer.path("phase").asText()
                    + recorded);
            case "BLOCKED" -> {
                out.println("not advanced: blocked in " + answer.path("phase").asText() + recorded);
                for (JsonNode reason : answer.path("reasons")) {
                    err.println("  " + reason.path("gate").asText("-") + ": " + reason.path("message").asText());
                }
            }
            default -> out.println("not advanced: the release is in " + answer.path("phase").asText()
                    + ", CI advances only out of TESTING");
        }
        return OK;
    }

    private int gate() throws IOException, InterruptedException {
        String release = required("--release");
        URI uri = api("/api/v1/releases/" + encode(release) + "/gate");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET()
                .header("Accept", "application/json");
        authorize(request, "GET", uri, RequestSignature.EMPTY_SHA256);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            refused(response);
            return ERROR;
        }
        JsonNode answer = JSON.readTree(response.body());
        if (!answer.path("passes").isBoolean()) {
            err.println("gatehouse-cli: unexpected answer: " + response.body());
            return ERROR;
        }
        String phase = answer.path("phase").asText();
        if (answer.path("passes").asBoolean()) {
            out.println("gate passes: release " + answer.path("version").asText() + " (" + phase + ")");
            return OK;
        }
        out.println("gate fails: release " + answer.path("version").asText() + " (" + phase + ")");
        for (JsonNode reason : answer.path("reasons")) {
            err.println("  " + reason.path("gate").asText("-") + ": " + reason.path("message").asText());
        }
        return FAILED;
    }

    private static boolean finished(JsonNode imported) {
        String status = imported.path("status").asText();
        return status.equals("COMPLETED") || status.equals("FAILED");
    }

    int refused(HttpResponse<String> response) {
        finishLine();
        String detail = response.body();
        try {
            JsonNode problem = JSON.readTree(response.body());
            detail = problem.path("type").asText() + ": " + problem.path("title").asText() + " — "
                    + problem.path("detail").asText();
        } catch (IOException | RuntimeException e) {
            // not a problem document: show the body as it is
        }
        err.println("gatehouse-cli: HTTP " + response.statusCode() + " " + detail);
        return response.statusCode() >= 500 ? ERROR : FAILED;
    }

    void authorize(HttpRequest.Builder request, String method, URI uri, String contentSha256) {
        String token = setting("--token", "GATEHOUSE_TOKEN").orElseThrow(() -> new Usage("no token: --token or GATEHOUSE_TOKEN"));
        request.header("Authorization", "Bearer " + token);
        Optional<String> key = setting("--hmac-key", "GATEHOUSE_HMAC_KEY");
        Optional<String> keyId = setting("--key-id", "GATEHOUSE_KEY_ID");
        if (key.isPresent() && keyId.isEmpty()) {
            throw new Usage("an HMAC key needs its key id: --key-id or GATEHOUSE_KEY_ID");
        }
        byte[] decoded;
        try {
            decoded = key.map(Signer::decodeKey).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new Usage("the HMAC key is not base64 of at least 16 bytes");
        }
        new Signer(keyId, Optional.ofNullable(decoded), Clock.systemUTC()).sign(request, method, uri, contentSha256);
    }

    URI api(String path) {
        String base = setting("--url", "GATEHOUSE_URL").orElseThrow(() -> new Usage("no server: --url or GATEHOUSE_URL"));
        URI uri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new Usage("the server URL must be http(s): " + base);
        }
        return URI.create(uri + path);
    }

    private Optional<String> setting(String flag, String variable) {
        return Optional.ofNullable(options.get(flag)).or(() -> Optional.ofNullable(env.get(variable)))
                .filter(v -> !v.isBlank());
    }

    String required(String flag) {
        return Optional.ofNullable(options.get(flag)).filter(v -> !v.isBlank())
                .orElseThrow(() -> new Usage("missing " + flag));
    }

    static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = RequestSignature.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return RequestSignature.hex(digest.digest());
    }

    private boolean lineOpen;

    /** On a terminal one line that updates in place; otherwise one plain line per step. */
    void progress(String line) {
        if (interactive) {
            err.print("\r\033[2K" + line);
            err.flush();
            lineOpen = true;
        } else {
            err.println(line);
        }
    }

    void finishLine() {
        if (lineOpen) {
            err.println();
            lineOpen = false;
        }
    }

    /** A command line that cannot be run. */
    static final class Usage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message);
        }
    }
}
