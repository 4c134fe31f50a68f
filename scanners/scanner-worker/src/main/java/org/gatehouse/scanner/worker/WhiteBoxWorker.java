package org.gatehouse.scanner.worker;

import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.CategoryFilteringBugReporter;
import edu.umd.cs.findbugs.DetectorFactoryCollection;
import edu.umd.cs.findbugs.FindBugs2;
import edu.umd.cs.findbugs.FindBugsProgress;
import edu.umd.cs.findbugs.Plugin;
import edu.umd.cs.findbugs.PluginException;
import edu.umd.cs.findbugs.Project;
import edu.umd.cs.findbugs.XMLBugReporter;
import edu.umd.cs.findbugs.config.UserPreferences;
import edu.umd.cs.findbugs.filter.FilterException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * The white-box scan worker (B.1.3.1-if): SpotBugs with exactly Find Security Bugs and Gatehouse's own detectors
 * (backdoor and web-shell patterns, B.1.4.7; module {@code scanner-detectors}) over the released code, one scan per
 * JVM, started by {@link WhiteBoxScan}. FSB's taint detectors cover SQL injection and XSS (B.1.4.1).
 *
 * <h2>Command line</h2>
 * {@code java -cp WORKER_CLASSPATH org.gatehouse.scanner.worker.WhiteBoxWorker --output report.xml
 * [--aux dependency.jar]... [--plugin findsecbugs-plugin.jar]... [--categories SECURITY | --all-categories]
 * [--include filter.xml]... [--exclude filter.xml]... [--effort min|default|max] [--confidence high|medium|low]
 * [--] artifact...}. An artifact is a jar, war, zip of classes or a classes directory. Defaults: category SECURITY,
 * effort max, confidence medium (SpotBugs' CLI default). A pinned plugin not given with {@code --plugin} is looked up
 * on the worker's classpath; a plugin outside {@link #PINNED_PLUGINS} is refused. Start the JVM with {@code -Duser.home} pinned to an empty directory: SpotBugs loads
 * any plugin jar in {@code ~/.findbugs/plugin}. Never enable SpotBugs' experimental multi-threaded mode (it fails and
 * hangs with FSB).
 *
 * <h2>Stdout protocol</h2>
 * One event per line, ASCII, space separated; readers ignore lines they do not know. Everything else the JVM or
 * SpotBugs prints on stdout is redirected to stderr.
 * <ul>
 * <li>{@code progress <done> <total>} — class analyses done over all passes (the first pass also visits referenced
 * library classes); printed when the percentage changes, last one with {@code done == total}.</li>
 * <li>{@code classes <n>} — application classes analysed, after the analysis.</li>
 * <li>{@code done <bugCount>} — the SpotBugs XML report (with messages) was moved into place; last line.</li>
 * <li>{@code error <message>} — the scan failed; last line, the message on one line.</li>
 * </ul>
 *
 * <h2>Exit codes</h2>
 * {@code 0} report written; {@code 2} bad command line; {@code 3} bad input (missing or unreadable artifact, filter
 * or plugin, no classes); {@code 4} the analysis failed; anything else (killed, out of memory) is a failure too.
 * The report is written to a temporary file next to the output and moved into place only on success.
 */
public final class WhiteBoxWorker {
    public static final int OK = 0;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;
    public static final int ANALYSIS_FAILED = 4;
    /** The only SpotBugs plugins a scan runs with besides SpotBugs' core: plugin id → jar name prefix. */
    static final java.util.Map<String, String> PINNED_PLUGINS = PinnedPlugins.ALL;
    private static final String CORE_PLUGIN_ID = "edu.umd.cs.findbugs.plugins.core";

    private final PrintStream protocol;

    private WhiteBoxWorker(PrintStream protocol) {
        this.protocol = protocol;
    }

    public static void main(String[] args) {
        PrintStream protocol = new PrintStream(new FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.US_ASCII);
        System.setOut(System.err);
        System.exit(new WhiteBoxWorker(protocol).run(args));
    }

    private int run(String[] args) {
        WorkerArguments arguments;
        try {
            arguments = WorkerArguments.parse(args);
        } catch (IllegalArgumentException e) {
            return fail(USAGE, "usage: " + e.getMessage());
        }
        try {
            checkInputs(arguments);
            int bugs = scan(arguments);
            emit(new WorkerEvent.Done(bugs));
            return OK;
        } catch (BadInput e) {
            return fail(BAD_INPUT, e.getMessage());
        } catch (Exception | LinkageError | AssertionError e) {
            e.printStackTrace();
            return fail(ANALYSIS_FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private int scan(WorkerArguments arguments) throws IOException, InterruptedException, FilterException {
        Project project = new Project();
        arguments.artifacts().forEach(a -> project.addFile(a.toAbsolutePath().toString()));
        arguments.auxClasspath().forEach(a -> project.addAuxClasspathEntry(a.toAbsolutePath().toString()));
        loadPinnedPlugins(arguments, project);

        XMLBugReporter xml = new XMLBugReporter(project);
        xml.setAddMessages(true);
        xml.setPriorityThreshold(arguments.rules().minConfidence().priority);
        xml.setRankThreshold(20);
        xml.setErrorVerbosity(BugReporter.SILENT);
        BugReporter reporter = arguments.rules().categories().isEmpty() ? xml
                : new CategoryFilteringBugReporter(xml, arguments.rules().categories());

        Path output = arguments.output().toAbsolutePath();
        Files.createDirectories(output.getParent());
        Path partial = Files.createTempFile(output.getParent(), "." + output.getFileName(), ".partial");
        Progress progress = new Progress();
        try (FindBugs2 engine = new FindBugs2()) {
            xml.setOutputStream(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
            engine.setDetectorFactoryCollection(DetectorFactoryCollection.instance());
            engine.setBugReporter(reporter);
            engine.setProject(project);
            engine.setProgressCallback(progress);
            engine.setRankThreshold(20);
            engine.setAnalysisFeatureSettings(arguments.rules().effort().settings());
            UserPreferences preferences = UserPreferences.createDefaultUserPreferences();
            preferences.setEffort(arguments.rules().effort().id());
            engine.setUserPreferences(preferences);
            for (Path filter : arguments.rules().includeFilters()) {
                engine.addFilter(filter.toAbsolutePath().toString(), true);
            }
            for (Path filter : arguments.rules().excludeFilters()) {
                engine.addFilter(filter.toAbsolutePath().toString(), false);
            }
            engine.finishSettings();
            engine.execute();
            progress.complete();
            try (OutputStream out = Files.newOutputStream(partial)) {
                xml.getBugCollection().writeXML(out); // here, not in finish(): that one swallows write errors
            }
            int bugs = xml.getBugCollection().getCollection().size();
            emit(new WorkerEvent.Classes(progress.applicationClasses));
            Files.move(partial, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return bugs;
        } catch (edu.umd.cs.findbugs.NoClassesFoundToAnalyzeException e) {
            throw new BadInput("no classes found to analyse in " + arguments.artifacts());
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void loadPinnedPlugins(WorkerArguments arguments, Project project) {
        try {
            for (Path jar : arguments.plugins()) {
                Plugin.loadCustomPlugin(jar.toFile(), project);
            }
            for (java.util.Map.Entry<String, String> pinned : PINNED_PLUGINS.entrySet()) {
                if (Plugin.getByPluginId(pinned.getKey()) == null) {
                    Path jar = findOnClasspath(pinned.getValue()).orElseThrow(() -> new BadInput("the SpotBugs plugin "
                            + pinned.getKey() + " is neither given with --plugin nor on the worker's classpath"));
                    Plugin.loadCustomPlugin(jar.toFile(), project);
                }
                project.setPluginStatusTrinary(pinned.getKey(), true);
            }
        } catch (PluginException e) {
            throw new BadInput("cannot load the SpotBugs plugin: " + e.getMessage());
        }
        List<String> unexpected = Plugin.getAllPlugins().stream().map(Plugin::getPluginId)
                .filter(id -> !id.equals(CORE_PLUGIN_ID) && !PINNED_PLUGINS.containsKey(id)).sorted().toList();
        if (!unexpected.isEmpty()) {
            throw new BadInput("SpotBugs plugins outside the pinned set " + PINNED_PLUGINS.keySet() + ": " + unexpected);
        }
        for (String id : PINNED_PLUGINS.keySet()) {
            if (Plugin.getByPluginId(id) == null) {
                throw new BadInput("the plugins given lack " + id);
            }
        }
    }

    private static Optional<Path> findOnClasspath(String jarPrefix) {
        return Arrays.stream(System.getProperty("java.class.path", "").split(java.io.File.pathSeparator))
                .filter(e -> Path.of(e).getFileName() != null
                        && Path.of(e).getFileName().toString().startsWith(jarPrefix))
                .map(Path::of).findFirst();
    }

    private static void checkInputs(WorkerArguments arguments) {
        for (Path artifact : arguments.artifacts()) {
            if (!Files.exists(artifact)) {
                throw new BadInput("artifact not found: " + artifact);
            }
            if (Files.isRegularFile(artifact) && !artifact.toString().endsWith(".class")) {
                try (ZipFile zip = new ZipFile(artifact.toFile())) {
                    if (zip.size() == 0) {
                        throw new BadInput("empty archive: " + artifact);
                    }
                } catch (IOException e) {
                    throw new BadInput("not a readable jar, war or zip: " + artifact + " (" + e.getMessage() + ")");
                }
            }
        }
        for (Path path : arguments.auxClasspath()) {
            if (!Files.exists(path)) {
                throw new BadInput("auxiliary classpath entry not found: " + path);
            }
        }
        for (Path path : arguments.rules().includeFilters()) {
            readable(path, "include filter");
        }
        for (Path path : arguments.rules().excludeFilters()) {
            readable(path, "exclude filter");
        }
        for (Path path : arguments.plugins()) {
            readable(path, "plugin");
        }
    }

    private static void readable(Path path, String what) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new BadInput(what + " not found: " + path);
        }
    }

    private int fail(int code, String message) {
        emit(new WorkerEvent.Failed(message));
        return code;
    }

    private void emit(WorkerEvent event) {
        protocol.println(event.line());
    }

    /** An input the user has to fix (exit code {@link #BAD_INPUT}). */
    private static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }

    /** SpotBugs' progress callback: counts finished classes, prints a line when the percentage changes. */
    private final class Progress implements FindBugsProgress {
        private int total;
        private int done;
        private int lastPercent = -1;
        private int applicationClasses;

        @Override
        public void predictPassCount(int[] classesPerPass) {
            total = Arrays.stream(classesPerPass).sum();
            applicationClasses = classesPerPass.length > 1 ? classesPerPass[classesPerPass.length - 1] : classesPerPass[0];
        }

        @Override
        public void startAnalysis(int numClasses) {
            // counted by predictPassCount
        }

        @Override
        public void finishClass() {
            done = Math.min(done + 1, total);
            int percent = total == 0 ? 100 : (int) (100L * done / total);
            if (percent != lastPercent) {
                lastPercent = percent;
                emit(new ScanProgress(done, total));
            }
        }

        /** The analysis ended: SpotBugs predicts classes it then skips (referenced but missing ones), so say 100 %. */
        void complete() {
            if (done < total) {
                done = total;
                lastPercent = 100;
                emit(new ScanProgress(done, total));
            }
        }

        @Override
        public void finishPerClassAnalysis() {
            // a pass ended
        }

        @Override
        public void reportNumberOfArchives(int numArchives) {
            // class path scanning is quick next to the analysis
        }

        @Override
        public void startArchive(String name) {
            // see reportNumberOfArchives
        }

        @Override
        public void finishArchive() {
            // see reportNumberOfArchives
        }
    }
}
