package org.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.platform.crypto.RequestSignature;

/**
 * {@code gatehouse-cli scan} (issue 7): starts a scan of a release and follows it to its end — a white-box scan of an
 * uploaded artifact ({@code --artifact}), of one on storage the server shares ({@code --artifact-path}, with
 * {@code --dependency-path}s), or a black-box scan of a running product ({@code --target}); {@code --rules} names a
 * JSON rule set for white-box scans. On a terminal the progress is a bar updated in place, otherwise a plain line
 * whenever the state or percentage changes. Exit codes as {@code gate}: 0 succeeded, 1 refused or ended otherwise,
 * 2 usage or connection errors, server errors, or still running when {@code --wait-seconds} (default 3600) ends.
 */
final class ScanCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BAR = 30;

    private final GatehouseCli cli;
    private String lastShown = "";

    ScanCommand(GatehouseCli cli) {
        this.cli = cli;
    }

    int run() throws IOException, InterruptedException {
        String release = cli.required("--release");
        Map<String, String> options = cli.options;
        long kinds = List.of("--artifact", "--artifact-path", "--target").stream().filter(options::containsKey).count();
        if (kinds != 1) {
            throw new GatehouseCli.Usage("give exactly one of --artifact FILE, --artifact-path PATH or --target URL");
        }
        if (options.containsKey("--target") && (options.containsKey("--rules") || options.containsKey("--dependency-path"))) {
            throw new GatehouseCli.Usage("--rules and --dependency-path are for white-box scans");
        }
        if (options.containsKey("--dependency-path") && !options.containsKey("--artifact-path")) {
            throw new GatehouseCli.Usage("--dependency-path goes with --artifact-path");
        }
        Duration wait = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--wait-seconds", "3600")));
        HttpResponse<String> started = options.containsKey("--artifact") ? upload(release)
                : options.containsKey("--artifact-path") ? json(release, "/scans", whiteBoxBody())
                : json(release, "/scans/black-box", blackBoxBody());
        if (started.statusCode() != 202) {
            return cli.refused(started);
        }
        JsonNode scan = JSON.readTree(started.body());
        String id = scan.path("id").asText();
        cli.progress("scan " + id + " queued (" + scan.path("kind").asText() + ")");
        long deadline = System.nanoTime() + wait.toNanos();
        while (running(scan) && System.nanoTime() < deadline) {
            show(scan);
            Thread.sleep(1000);
            URI status = cli.api("/api/v1/scans/" + GatehouseCli.encode(id));
            HttpRequest.Builder poll = HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(60)).GET();
            cli.authorize(poll, "GET", status, RequestSignature.EMPTY_SHA256);
            HttpResponse<String> polled = cli.http.send(poll.build(), HttpResponse.BodyHandlers.ofString());
            if (polled.statusCode() != 200) {
                return cli.refused(polled);
            }
            scan = JSON.readTree(polled.body());
        }
        cli.finishLine();
        String state = scan.path("state").asText();
        if (running(scan)) {
            cli.err.println("scan " + id + " still " + state + " after " + wait.toSeconds() + " s; follow it at /api/v1/scans/"
                    + id);
            return GatehouseCli.ERROR;
        }
        if (state.equals("SUCCEEDED")) {
            cli.out.println("scan " + id + " SUCCEEDED" + (scan.hasNonNull("classesAnalysed") ? ": "
                    + scan.path("classesAnalysed").asInt() + " classes, " + scan.path("bugCount").asInt() + " warnings" : "")
                    + (scan.hasNonNull("artifactSha256") ? ", sha256 " + scan.path("artifactSha256").asText() : "")
                    + ", import " + scan.path("importId").asText());
            return GatehouseCli.OK;
        }
        cli.err.println("scan " + id + " " + state + (scan.hasNonNull("error") ? ": " + scan.path("error").asText() : ""));
        return GatehouseCli.FAILED;
    }

    private static boolean running(JsonNode scan) {
        String state = scan.path("state").asText();
        return state.equals("QUEUED") || state.equals("RUNNING");
    }

    /** A bar on a terminal; a plain line only when something changed otherwise. */
    private void show(JsonNode scan) {
        JsonNode progress = scan.path("progress");
        int done = progress.path("done").asInt();
        int total = progress.path("total").asInt();
        int percent = total > 0 ? (int) (100L * done / total) : 0;
        String state = scan.path("state").asText();
        String counts = total > 0 && scan.path("kind").asText().equals("WHITE_BOX") ? " " + done + "/" + total + " classes" : "";
        String line;
        if (cli.interactive) {
            int filled = percent * BAR / 100;
            line = "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + String.format("%3d%%", percent) + counts
                    + " " + state;
        } else {
            line = "scan " + scan.path("id").asText() + " " + state + " " + percent + "%" + counts;
        }
        if (cli.interactive || !line.equals(lastShown)) {
            cli.progress(line);
            lastShown = line;
        }
    }

    private HttpResponse<String> upload(String release) throws IOException, InterruptedException {
        Path file = Path.of(cli.options.get("--artifact"));
        if (!Files.isRegularFile(file)) {
            throw new GatehouseCli.Usage("no such file: " + file);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : new String[] {"category", "commit", "build"}) {
            Optional.ofNullable(cli.options.get("--" + name)).ifPresent(v -> fields.put(name, v));
        }
        rules().ifPresent(r -> fields.put("rules", r.toString()));
        MultipartFile body = MultipartFile.of(fields, file);
        URI uri = cli.api("/api/v1/releases/" + GatehouseCli.encode(release) + "/scans");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30))
                .POST(body.publisher())
                .header("Content-Type", body.contentType());
        cli.authorize(request, "POST", uri, body.sha256());
        cli.progress("uploading " + file.getFileName() + " (" + Files.size(file) + " bytes, sha256 "
                + GatehouseCli.sha256(file) + ")");
        return cli.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private ObjectNode whiteBoxBody() {
        ObjectNode body = origin().put("artifactPath", cli.options.get("--artifact-path"));
        Optional.ofNullable(cli.options.get("--dependency-path")).ifPresent(paths -> {
            var array = body.putArray("dependencyPaths");
            for (String path : paths.split("\n")) {
                array.add(path);
            }
        });
        rules().ifPresent(r -> body.set("rules", r));
        return body;
    }

    private ObjectNode blackBoxBody() {
        return origin().put("target", cli.options.get("--target"));
    }

    private ObjectNode origin() {
        ObjectNode body = JSON.createObjectNode();
        for (String name : new String[] {"category", "commit", "build"}) {
            Optional.ofNullable(cli.options.get("--" + name)).ifPresent(v -> body.put(name, v));
        }
        return body;
    }

    private Optional<JsonNode> rules() {
        Optional<String> file = Optional.ofNullable(cli.options.get("--rules"));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode rules = JSON.readTree(Files.readString(Path.of(file.get())));
            if (rules == null || !rules.isObject()) {
                throw new GatehouseCli.Usage("the rules in " + file.get() + " are not a JSON object");
            }
            return Optional.of(rules);
        } catch (IOException e) {
            throw new GatehouseCli.Usage("cannot read the rules " + file.get() + ": " + e.getMessage());
        }
    }

    private HttpResponse<String> json(String release, String path, ObjectNode body) throws IOException, InterruptedException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        URI uri = cli.api("/api/v1/releases/" + GatehouseCli.encode(release) + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).header("Content-Type", "application/json");
        cli.authorize(request, "POST", uri, RequestSignature.hex(RequestSignature.sha256().digest(bytes)));
        return cli.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
