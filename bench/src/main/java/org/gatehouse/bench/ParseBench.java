package org.gatehouse.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.sarif.SarifPlugin;

/**
 * Parse throughput of the SARIF plugin (issue 4's hot path) on a report of N results made by
 * replicating the 8,233 real results of the FSB OWASP Benchmark SARIF with varied paths, measured
 * side by side with the floor: a bare Jackson token scan of the same file. Medians of 5.
 */
public final class ParseBench {
    private ParseBench() {
    }

    public static void main(String[] args) throws Exception {
        int results = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path fsb = fixture();
        Path report = Files.createTempFile("gatehouse-bench", ".sarif");
        try {
            build(fsb, report, results, "");
            System.out.printf("SARIF report: %,d results, %.1f MB%n", results, Files.size(report) / 1e6);
            List<Double> floor = new ArrayList<>();
            List<Double> plugin = new ArrayList<>();
            JsonFactory factory = new JsonFactory();
            for (int round = 0; round < 6; round++) {
                long start = System.nanoTime();
                long tokens = 0;
                try (InputStream in = Files.newInputStream(report); JsonParser parser = factory.createParser(in)) {
                    while (parser.nextToken() != null) {
                        tokens++;
                    }
                }
                double floorSeconds = (System.nanoTime() - start) / 1e9;
                AtomicLong count = new AtomicLong();
                start = System.nanoTime();
                new SarifPlugin().parse(ReportSource.of(report), f -> count.incrementAndGet());
                double pluginSeconds = (System.nanoTime() - start) / 1e9;
                if (count.get() != results || tokens == 0) {
                    throw new IllegalStateException("parsed " + count + " of " + results);
                }
                if (round > 0) { // the first round warms the JIT
                    floor.add(floorSeconds);
                    plugin.add(pluginSeconds);
                }
            }
            double f = median(floor);
            double p = median(plugin);
            System.out.printf("floor (Jackson token scan, one pass): median %.3f s; SarifPlugin (two passes, findings with"
                    + " identities): median %.3f s = %,.0f findings/s; ratio %.2f (medians of 5)%n", f, p, results / p, p / f);
        } finally {
            Files.deleteIfExists(report);
        }
    }

    static Path fixture() {
        for (Path candidate : List.of(Path.of("scanners/scanner-sarif/src/test/resources/fixtures/fsb-1.14.0-owasp-benchmark.sarif.gz"),
                Path.of("../scanners/scanner-sarif/src/test/resources/fixtures/fsb-1.14.0-owasp-benchmark.sarif.gz"))) {
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("run from the repository root: the FSB SARIF fixture was not found");
    }

    /** The FSB log with its results repeated, each copy under another source directory. */
    /**
     * Writes a SARIF report of {@code count} results: the FSB results replicated, each copy under
     * its own directory ({@code <prefix>module<copy>/…}), so that every result has its own identity.
     */
    static void build(Path fsb, Path out, int count, String prefix) throws Exception {
        build(fsb, out, count, prefix, 0);
    }

    /** The same with every line number moved by {@code lineShift} (the same findings, another report). */
    static void build(Path fsb, Path out, int count, String prefix, int lineShift) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode log;
        try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(fsb))) {
            log = mapper.readTree(in);
        }
        JsonNode run = log.path("runs").path(0);
        List<JsonNode> originals = new ArrayList<>();
        run.path("results").forEach(originals::add);
        try (OutputStream stream = Files.newOutputStream(out); JsonGenerator json = mapper.createGenerator(stream)) {
            json.writeStartObject();
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();
            json.writeFieldName("tool");
            mapper.writeTree(json, run.path("tool"));
            json.writeArrayFieldStart("results");
            for (int i = 0; i < count; i++) {
                ObjectNode result = originals.get(i % originals.size()).deepCopy();
                int copy = i / originals.size();
                for (JsonNode location : result.path("locations")) {
                    JsonNode artifact = location.path("physicalLocation").path("artifactLocation");
                    if (artifact instanceof ObjectNode node && artifact.has("uri")) {
                        node.put("uri", prefix + "module" + copy + "/" + artifact.get("uri").asText());
                    }
                    JsonNode region = location.path("physicalLocation").path("region");
                    if (lineShift != 0 && region instanceof ObjectNode lines) {
                        for (String field : List.of("startLine", "endLine")) {
                            if (lines.has(field)) {
                                lines.put(field, lines.get(field).asInt() + lineShift);
                            }
                        }
                    }
                }
                mapper.writeTree(json, result);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
