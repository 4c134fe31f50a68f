package org.gatehouse.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the run command was asked to do: command-line options win over environment variables,
 * which win over defaults.
 *
 * <pre>
 * --port N        GATEHOUSE_PORT        HTTP port (default 8080)
 * --home DIR      GATEHOUSE_HOME        data and runtime directory (default ./gatehouse-data)
 * --war FILE      GATEHOUSE_WAR         the Gatehouse WAR
 * --payara FILE   GATEHOUSE_PAYARA_JAR  payara-micro.jar
 *                 GATEHOUSE_DB_URL      external PostgreSQL (with GATEHOUSE_DB_USER, GATEHOUSE_DB_PASSWORD, and
 *                                       GATEHOUSE_DB_OWNER_USER/_PASSWORD for the role that runs migrations);
 *                                       unset: the embedded PostgreSQL in HOME/data/postgres
 *                 GATEHOUSE_JAVA_OPTS   JVM options of the server (default -Xmx512m -XX:+UseSerialGC)
 * </pre>
 */
public record LaunchSettings(int port, Path home, Path war, Path payaraJar, Optional<DatabaseCoordinates> externalDatabase,
        List<String> jvmOptions) {

    public static final String USAGE = """
            usage: gatehouse run [--port N] [--home DIR]
              --port N     HTTP port (GATEHOUSE_PORT, default 8080)
              --home DIR   data directory (GATEHOUSE_HOME, default ./gatehouse-data)
            environment: GATEHOUSE_DB_URL, GATEHOUSE_DB_USER, GATEHOUSE_DB_PASSWORD for an external PostgreSQL
                         (unset: embedded PostgreSQL in HOME/data/postgres); GATEHOUSE_JAVA_OPTS for the server JVM""";

    static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");

    public Path postgresDataDirectory() {
        return home.resolve("data").resolve("postgres");
    }

    public Path postgresSecretsFile() {
        return home.resolve("data").resolve("postgres-credentials.properties");
    }

    public Path runtimeDirectory() {
        return home.resolve("runtime");
    }

    public static LaunchSettings parse(String[] args, Map<String, String> env) {
        String port = env.getOrDefault("GATEHOUSE_PORT", "8080");
        String home = env.getOrDefault("GATEHOUSE_HOME", "gatehouse-data");
        String war = env.get("GATEHOUSE_WAR");
        String payara = env.get("GATEHOUSE_PAYARA_JAR");
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--port" -> port = value(args, ++i, option);
                case "--home" -> home = value(args, ++i, option);
                case "--war" -> war = value(args, ++i, option);
                case "--payara" -> payara = value(args, ++i, option);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        int portNumber;
        try {
            portNumber = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number: " + port);
        }
        if (portNumber < 1 || portNumber > 65535) {
            throw new IllegalArgumentException("--port must be between 1 and 65535: " + port);
        }
        Path warFile = existingFile(war, "--war / GATEHOUSE_WAR");
        Path payaraFile = existingFile(payara, "--payara / GATEHOUSE_PAYARA_JAR");
        Optional<DatabaseCoordinates> external = Optional.ofNullable(env.get(DatabaseCoordinates.URL_VARIABLE))
                .filter(url -> !url.isBlank())
                .map(url -> {
                    String user = env.getOrDefault(DatabaseCoordinates.USER_VARIABLE, "");
                    String password = env.getOrDefault(DatabaseCoordinates.PASSWORD_VARIABLE, "");
                    return new DatabaseCoordinates(url, user, password,
                            env.getOrDefault(DatabaseCoordinates.OWNER_USER_VARIABLE, user),
                            env.getOrDefault(DatabaseCoordinates.OWNER_PASSWORD_VARIABLE, password));
                });
        List<String> jvm = Optional.ofNullable(env.get("GATEHOUSE_JAVA_OPTS")).filter(s -> !s.isBlank())
                .map(s -> (List<String>) new ArrayList<>(Arrays.asList(s.trim().split("\\s+"))))
                .orElse(DEFAULT_JVM_OPTIONS);
        return new LaunchSettings(portNumber, Path.of(home).toAbsolutePath().normalize(), warFile, payaraFile, external,
                List.copyOf(jvm));
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    private static Path existingFile(String path, String what) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        Path file = Path.of(path).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + ": no such file " + file);
        }
        return file;
    }
}
