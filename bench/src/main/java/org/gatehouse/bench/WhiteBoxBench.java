package org.gatehouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gatehouse.scanner.worker.RuleSet;
import org.gatehouse.scanner.worker.ScanRequest;
import org.gatehouse.scanner.worker.ScanResult;
import org.gatehouse.scanner.worker.WhiteBoxScan;
import org.gatehouse.scanner.worker.WorkerSettings;

/**
 * The white-box worker (issue 5) against the plain SpotBugs command line on the same classes, in the same run:
 * {@code WhiteBoxScan} (worker JVM: FindBugs2 API, Find Security Bugs + Gatehouse's detectors, category SECURITY,
 * effort max, medium confidence, 768m heap, serial GC) and {@code java edu.umd.cs.findbugs.FindBugs2} with the same
 * plugins, options, heap, GC and an empty {@code user.home}, interleaved, N rounds (default 3); medians of wall time,
 * peak RSS of the analysing JVM (VmHWM) and the warnings each reports (they must agree).
 *
 * <p>{@code ./gatehouse bench whitebox [rounds] [artifact.jar [aux.jar...]]}; without an artifact,
 * commons-compress 1.28.0 (590 classes) from {@code ~/.m2} with commons-io, commons-lang3 and commons-codec as its
 * auxiliary classpath (e.g. jackson-databind 2.21.3, 813 classes, with jackson-core and -annotations works too). Needs {@code scanners/scanner-worker/target/worker-lib} (built by {@code ./gatehouse bench}).
 */
public final class WhiteBoxBench {
    private static final Path M2 = Path.of(System.getProperty("user.home"), ".m2", "repository");
    private static final Pattern BUG = Pattern.compile("<BugInstance ");
    /** Linux clock ticks per second (USER_HZ) for /proc/PID/stat. */
    private static final int TICKS = 100;

    private WhiteBoxBench() {
    }

    /** Wall time of the scan, CPU time (user + system) and peak RSS of the analysing JVM, warnings reported. */
    record Run(double seconds, double cpuSeconds, long peakRssKb, long warnings) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path artifact = args.length > 1 ? Path.of(args[1])
                : M2.resolve("org/apache/commons/commons-compress/1.28.0/commons-compress-1.28.0.jar");
        List<Path> aux = new ArrayList<>();
        if (args.length > 2) {
            for (int i = 2; i < args.length; i++) {
                aux.add(Path.of(args[i]));
            }
        } else if (args.length <= 1) {
            aux.add(M2.resolve("commons-io/commons-io/2.21.0/commons-io-2.21.0.jar"));
            aux.add(M2.resolve("org/apache/commons/commons-lang3/3.20.0/commons-lang3-3.20.0.jar"));
            aux.add(M2.resolve("commons-codec/commons-codec/1.19.0/commons-codec-1.19.0.jar"));
        }
        Path lib = Path.of(System.getProperty("gatehouse.worker.lib", "scanners/scanner-worker/target/worker-lib"));
        List<Path> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).map(Path::toAbsolutePath).sorted().toList();
        }
        Path dir = Files.createTempDirectory("gatehouse-whitebox-bench");
        System.out.printf("artifact %s (%d classes), aux %s, %d rounds, %d cores%n", artifact.getFileName(),
                classes(artifact), aux.stream().map(Path::getFileName).toList(), rounds,
                Runtime.getRuntime().availableProcessors());
        List<Run> worker = new ArrayList<>();
        List<Run> cli = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Run w = worker(artifact, aux, jars, dir.resolve("worker-" + round + ".xml"));
            Run c = cli(artifact, aux, jars, dir, round);
            worker.add(w);
            cli.add(c);
            System.out.printf("round %d: worker %.1f s (CPU %.1f s), %,d kB peak RSS, %d warnings | CLI %.1f s (CPU %.1f s),"
                    + " %,d kB, %d warnings%n", round, w.seconds(), w.cpuSeconds(), w.peakRssKb(), w.warnings(), c.seconds(),
                    c.cpuSeconds(), c.peakRssKb(), c.warnings());
        }
        double ws = median(worker.stream().map(Run::seconds).toList());
        double cs = median(cli.stream().map(Run::seconds).toList());
        double wc = median(worker.stream().map(Run::cpuSeconds).toList());
        double cc = median(cli.stream().map(Run::cpuSeconds).toList());
        System.out.printf("median: worker %.1f s wall, %.1f s CPU (peak RSS %,d kB, heap cap 768m); CLI %.1f s wall,"
                + " %.1f s CPU (peak RSS %,d kB); worker/CLI %.2f× wall, %.2f× CPU; warnings %d vs %d%n", ws, wc,
                (long) median(worker.stream().map(r -> (double) r.peakRssKb()).toList()), cs, cc,
                (long) median(cli.stream().map(r -> (double) r.peakRssKb()).toList()), ws / cs, wc / cc,
                worker.get(0).warnings(), cli.get(0).warnings());
        deleteRecursively(dir);
    }

    private static Run worker(Path artifact, List<Path> aux, List<Path> jars, Path report) throws IOException {
        WhiteBoxScan scan = new WhiteBoxScan(new ScanRequest(List.of(artifact), aux, report, RuleSet.securityOnly()),
                WorkerSettings.defaults().withClasspath(jars));
        AtomicLong peak = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        Thread watcher = watch(() -> ProcessHandle.current().descendants().toList(), peak, cpu);
        long start = System.nanoTime();
        ScanResult result = scan.run(p -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        watcher.interrupt();
        if (!result.succeeded()) {
            throw new IllegalStateException("the worker failed: " + result.error() + "\n" + result.logTail());
        }
        return new Run(seconds, cpu.get() / (double) TICKS, peak.get(), warnings(report));
    }

    private static Run cli(Path artifact, List<Path> aux, List<Path> jars, Path dir, int round)
            throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("home-" + round));
        Path report = dir.resolve("cli-" + round + ".xml");
        String classpath = String.join(java.io.File.pathSeparator, jars.stream().filter(j -> !plugin(j)
                && !j.getFileName().toString().startsWith("scanner-worker")).map(Path::toString).toList());
        String plugins = String.join(java.io.File.pathSeparator, jars.stream().filter(WhiteBoxBench::plugin)
                .map(Path::toString).toList());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-Duser.home=" + home, "-cp", classpath,
                "edu.umd.cs.findbugs.FindBugs2", "-quiet", "-effort:max", "-medium", "-bugCategories", "SECURITY",
                "-pluginList", plugins, "-xml:withMessages", "-output", report.toString()));
        if (!aux.isEmpty()) {
            command.addAll(List.of("-auxclasspath", String.join(java.io.File.pathSeparator,
                    aux.stream().map(Path::toString).toList())));
        }
        command.add(artifact.toString());
        AtomicLong peak = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("cli-" + round + ".log").toFile()).start();
        Thread watcher = watch(() -> List.of(process.toHandle()), peak, cpu);
        if (!process.waitFor(2, TimeUnit.HOURS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the SpotBugs CLI failed; see " + dir.resolve("cli-" + round + ".log"));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        watcher.interrupt();
        return new Run(seconds, cpu.get() / (double) TICKS, peak.get(), warnings(report));
    }

    private static boolean plugin(Path jar) {
        String name = jar.getFileName().toString();
        return name.startsWith("findsecbugs-plugin") || name.startsWith("scanner-detectors");
    }

    /**
     * Polls the processes every 50 ms: VmHWM (peak resident set, kB) and utime + stime (clock ticks) from /proc,
     * keeping the largest of each (the last poll before the exit misses at most 50 ms of CPU).
     */
    private static Thread watch(java.util.function.Supplier<List<ProcessHandle>> processes, AtomicLong peak,
            AtomicLong cpu) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (ProcessHandle process : processes.get()) {
                    try {
                        Path proc = Path.of("/proc", Long.toString(process.pid()));
                        Matcher m = Pattern.compile("VmHWM:\\s+(\\d+) kB").matcher(Files.readString(proc.resolve("status")));
                        if (m.find()) {
                            peak.accumulateAndGet(Long.parseLong(m.group(1)), Math::max);
                        }
                        String stat = Files.readString(proc.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        cpu.accumulateAndGet(Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Math::max);
                    } catch (IOException | RuntimeException e) {
                        // the process ended between listing and reading
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-watch");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static long warnings(Path report) throws IOException {
        return BUG.matcher(Files.readString(report)).results().count();
    }

    private static long classes(Path jar) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            return zip.stream().filter(e -> e.getName().endsWith(".class")).count();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
