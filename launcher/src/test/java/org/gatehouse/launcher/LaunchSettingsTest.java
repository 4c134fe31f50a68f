package org.gatehouse.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchSettingsTest {
    @TempDir
    Path dir;
    private Path war;
    private Path payara;

    @BeforeEach
    void files() throws IOException {
        war = Files.createFile(dir.resolve("gatehouse.war"));
        payara = Files.createFile(dir.resolve("payara-micro.jar"));
    }

    @Test
    void defaultsToPort8080EmbeddedDatabaseAndLocalHome() {
        LaunchSettings settings = LaunchSettings.parse(new String[] {"--war", war.toString(), "--payara", payara.toString()}, Map.of());
        assertEquals(8080, settings.port());
        assertEquals(Path.of("gatehouse-data").toAbsolutePath(), settings.home());
        assertEquals(settings.home().resolve("data/postgres"), settings.postgresDataDirectory());
        assertFalse(settings.externalDatabase().isPresent());
        assertEquals(LaunchSettings.DEFAULT_JVM_OPTIONS, settings.jvmOptions());
    }

    @Test
    void optionsWinOverEnvironment() {
        Map<String, String> env = Map.of("GATEHOUSE_PORT", "9000", "GATEHOUSE_HOME", "/srv/env-home",
                "GATEHOUSE_WAR", war.toString(), "GATEHOUSE_PAYARA_JAR", payara.toString());
        LaunchSettings fromEnv = LaunchSettings.parse(new String[0], env);
        assertEquals(9000, fromEnv.port());
        assertEquals(Path.of("/srv/env-home"), fromEnv.home());

        LaunchSettings fromArgs = LaunchSettings.parse(new String[] {"--port", "9100", "--home", "/srv/arg-home"}, env);
        assertEquals(9100, fromArgs.port());
        assertEquals(Path.of("/srv/arg-home"), fromArgs.home());
    }

    @Test
    void externalDatabaseAndJvmOptionsComeFromEnvironment() {
        Map<String, String> env = Map.of("GATEHOUSE_WAR", war.toString(), "GATEHOUSE_PAYARA_JAR", payara.toString(),
                "GATEHOUSE_DB_URL", "jdbc:postgresql://db.internal/gatehouse", "GATEHOUSE_DB_USER", "gh",
                "GATEHOUSE_DB_PASSWORD", "s3cret", "GATEHOUSE_JAVA_OPTS", " -Xmx1g  -XX:+UseG1GC ");
        LaunchSettings settings = LaunchSettings.parse(new String[0], env);
        DatabaseCoordinates db = settings.externalDatabase().orElseThrow();
        assertEquals("gh", db.user());
        assertFalse(db.toString().contains("s3cret"), "the password must never be printed");
        assertEquals(List.of("-Xmx1g", "-XX:+UseG1GC"), settings.jvmOptions());
    }

    @Test
    void rejectsBadInputWithAClearMessage() {
        String[] base = {"--war", war.toString(), "--payara", payara.toString()};
        assertThrows(IllegalArgumentException.class, () -> LaunchSettings.parse(concat(base, "--port", "http"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> LaunchSettings.parse(concat(base, "--port", "70000"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> LaunchSettings.parse(concat(base, "--verbose"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> LaunchSettings.parse(concat(base, "--port"), Map.of()));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> LaunchSettings.parse(new String[] {"--war", dir.resolve("nope.war").toString(), "--payara", payara.toString()}, Map.of()));
        assertTrue(missing.getMessage().contains("no such file"));
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
