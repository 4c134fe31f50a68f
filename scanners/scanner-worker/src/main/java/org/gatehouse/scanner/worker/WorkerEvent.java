package org.gatehouse.scanner.worker;

import java.util.Optional;

/** One line of the worker's stdout protocol (see {@link WhiteBoxWorker}); unknown lines are ignored. */
public sealed interface WorkerEvent permits ScanProgress, WorkerEvent.Classes, WorkerEvent.Done, WorkerEvent.Failed {

    /** The line as the worker prints it. */
    String line();

    /** {@code classes <n>}: the number of application classes analysed. */
    record Classes(int count) implements WorkerEvent {
        @Override
        public String line() {
            return "classes " + count;
        }
    }

    /** {@code done <bugCount>}: the report is in place. */
    record Done(int bugCount) implements WorkerEvent {
        @Override
        public String line() {
            return "done " + bugCount;
        }
    }

    /** {@code error <message>}: the scan failed; the message is on one line. */
    record Failed(String message) implements WorkerEvent {
        public Failed {
            message = message == null || message.isBlank() ? "unknown error" : message.replaceAll("\\s+", " ").strip();
        }

        @Override
        public String line() {
            return "error " + message;
        }
    }

    static Optional<WorkerEvent> parse(String line) {
        String[] parts = line.strip().split(" ", 2);
        try {
            return switch (parts[0]) {
                case "progress" -> {
                    String[] numbers = parts[1].split(" ");
                    yield Optional.of(new ScanProgress(Integer.parseInt(numbers[0]), Integer.parseInt(numbers[1])));
                }
                case "classes" -> Optional.of(new Classes(Integer.parseInt(parts[1])));
                case "done" -> Optional.of(new Done(Integer.parseInt(parts[1])));
                case "error" -> Optional.of(new Failed(parts.length > 1 ? parts[1] : ""));
                default -> Optional.empty();
            };
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
