package org.gatehouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used on this machine, read from {@code /proc} (Linux; USER_HZ = 100): all processes, one process, and
 * PostgreSQL's processes one by one. A backend is one connection, so the busiest backend's CPU time during an import is
 * a floor for the import's wall time however many cores there are: the work of one connection runs on one core.
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /**
     * The CPU time all of this machine's processes used so far (client, server, database), from {@code /proc/stat}:
     * user, nice, system, irq and softirq, in seconds (not idle, I/O wait or time stolen by the hypervisor).
     */
    static double busySeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7}) {
                busy += Long.parseLong(cpu[i]);
            }
            return busy / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The CPU time (user and system) of one process so far, in seconds; NaN when it cannot be read. */
    static double ofProcess(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime, stime (fields 14, 15)
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * The CPU time of this machine's PostgreSQL processes so far, by process: {@code backends} are the connections
     * (their title is {@code postgres: user database host …}), {@code background} the sum of the rest (postmaster,
     * checkpointer, WAL writer, autovacuum, …).
     */
    record Database(Map<Long, Double> backends, double background) {

        private static final java.util.regex.Pattern BACKEND =
                java.util.regex.Pattern.compile("postgres: \\S+ \\S+ (\\[local\\]|\\S+\\(\\d+\\))( |$)");

        static Database now() {
            Map<Long, Double> backends = new HashMap<>();
            double background = 0;
            List<Path> processes;
            try (Stream<Path> all = Files.list(Path.of("/proc"))) {
                processes = all.filter(p -> p.getFileName().toString().matches("\\d+")).toList();
            } catch (IOException e) {
                return new Database(Map.of(), Double.NaN);
            }
            for (Path process : processes) {
                try {
                    if (!Files.readString(process.resolve("comm")).trim().equals("postgres")) {
                        continue;
                    }
                    long pid = Long.parseLong(process.getFileName().toString());
                    double cpu = ofProcess(pid);
                    if (Double.isNaN(cpu)) {
                        continue;
                    }
                    if (isBackend(Files.readString(process.resolve("cmdline")))) {
                        backends.put(pid, cpu);
                    } else {
                        background += cpu;
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
            return new Database(Map.copyOf(backends), background);
        }

        /**
         * A connection's title is {@code postgres: <user> <database> <host(port)|[local]> <activity>}; the other
         * processes' are {@code postgres: checkpointer}, {@code postgres: io worker 0}, {@code postgres: autovacuum
         * worker …} and the like (the postmaster's has no {@code postgres: } prefix).
         */
        static boolean isBackend(String cmdline) {
            return BACKEND.matcher(cmdline.replace('\0', ' ').trim()).lookingAt();
        }

        /** What PostgreSQL used since {@code before}: all of it, its busiest connection, and its background processes. */
        Used since(Database before) {
            double total = background - before.background;
            double busiest = 0;
            for (Map.Entry<Long, Double> backend : backends.entrySet()) {
                double used = backend.getValue() - before.backends.getOrDefault(backend.getKey(), 0.0);
                total += used;
                busiest = Math.max(busiest, used);
            }
            return new Used(total, busiest, background - before.background);
        }
    }

    /** PostgreSQL's CPU time during one import: all processes, the busiest connection, the background processes. */
    record Used(double total, double busiestBackend, double background) {
    }
}
