package org.gatehouse.web.it;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Small build artifacts for white-box scans, compiled in the test from source. */
final class Artifacts {
    /** SQL built from a parameter and a command run from a parameter (B.1.4.1). */
    static final String VULNERABLE = """
            package shop;

            import java.sql.Connection;
            import java.sql.ResultSet;

            public class Lookup {
                public ResultSet find(Connection connection, String id) throws Exception {
                    return connection.createStatement().executeQuery("SELECT * FROM customer WHERE id = '" + id + "'");
                }

                public Process run(String command) throws Exception {
                    return Runtime.getRuntime().exec(command);
                }
            }
            """;

    private Artifacts() {
    }

    /** A jar of the vulnerable class above. */
    static byte[] vulnerableJar() {
        try {
            Path dir = Files.createTempDirectory(GatehouseServer.itDirectory(), "artifact");
            Path source = Files.createDirectories(dir.resolve("src/shop")).resolve("Lookup.java");
            Files.writeString(source, VULNERABLE);
            Path classes = Files.createDirectories(dir.resolve("classes"));
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler.run(null, null, null, "-g", "-d", classes.toString(), source.toString()) != 0) {
                throw new IllegalStateException("the test artifact does not compile");
            }
            Path jar = dir.resolve("shop.jar");
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                    Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
            return Files.readAllBytes(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
