package org.gatehouse.scanner.worker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The worker's command line, written by {@link WhiteBoxScan} and read by {@link WhiteBoxWorker}:
 * {@code --output FILE [--aux PATH]... [--plugin JAR]... [--categories A,B | --all-categories]
 * [--include FILTER.xml]... [--exclude FILTER.xml]... [--effort min|default|max]
 * [--confidence high|medium|low] [--] ARTIFACT...}.
 */
record WorkerArguments(List<Path> artifacts, List<Path> auxClasspath, List<Path> plugins, Path output, RuleSet rules) {

    WorkerArguments {
        artifacts = List.copyOf(artifacts);
        auxClasspath = List.copyOf(auxClasspath);
        plugins = List.copyOf(plugins);
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(rules, "rules");
        if (artifacts.isEmpty()) {
            throw new IllegalArgumentException("no artifact to analyse");
        }
    }

    List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of("--output", output.toString()));
        auxClasspath.forEach(p -> args.addAll(List.of("--aux", p.toString())));
        plugins.forEach(p -> args.addAll(List.of("--plugin", p.toString())));
        if (rules.categories().isEmpty()) {
            args.add("--all-categories");
        } else {
            args.addAll(List.of("--categories", String.join(",", rules.categories().stream().sorted().toList())));
        }
        rules.includeFilters().forEach(p -> args.addAll(List.of("--include", p.toString())));
        rules.excludeFilters().forEach(p -> args.addAll(List.of("--exclude", p.toString())));
        args.addAll(List.of("--effort", rules.effort().id(), "--confidence", rules.minConfidence().name().toLowerCase(Locale.ROOT)));
        args.add("--");
        artifacts.forEach(p -> args.add(p.toString()));
        return args;
    }

    /** @throws IllegalArgumentException with a message for the user when the command line is wrong */
    static WorkerArguments parse(String... args) {
        List<Path> artifacts = new ArrayList<>();
        List<Path> aux = new ArrayList<>();
        List<Path> plugins = new ArrayList<>();
        List<Path> include = new ArrayList<>();
        List<Path> exclude = new ArrayList<>();
        Set<String> categories = new LinkedHashSet<>(RuleSet.securityOnly().categories());
        Effort effort = RuleSet.securityOnly().effort();
        RuleSet.Confidence confidence = RuleSet.securityOnly().minConfidence();
        Path output = null;
        boolean positional = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (positional || !arg.startsWith("--")) {
                artifacts.add(Path.of(arg));
                continue;
            }
            switch (arg) {
                case "--" -> positional = true;
                case "--all-categories" -> categories.clear();
                case "--output" -> output = Path.of(value(args, ++i, arg));
                case "--aux" -> aux.add(Path.of(value(args, ++i, arg)));
                case "--plugin" -> plugins.add(Path.of(value(args, ++i, arg)));
                case "--include" -> include.add(Path.of(value(args, ++i, arg)));
                case "--exclude" -> exclude.add(Path.of(value(args, ++i, arg)));
                case "--categories" -> {
                    categories.clear();
                    Arrays.stream(value(args, ++i, arg).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                            .forEach(categories::add);
                }
                case "--effort" -> effort = Effort.parse(value(args, ++i, arg));
                case "--confidence" -> confidence = RuleSet.Confidence.valueOf(value(args, ++i, arg).toUpperCase(Locale.ROOT));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (output == null) {
            throw new IllegalArgumentException("--output is required");
        }
        return new WorkerArguments(artifacts, aux, plugins, output,
                new RuleSet(categories, include, exclude, effort, confidence));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
