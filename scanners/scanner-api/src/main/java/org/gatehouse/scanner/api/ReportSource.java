package org.gatehouse.scanner.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A report that can be read more than once (some formats are read in two passes). */
public interface ReportSource {
    String name();

    InputStream open() throws IOException;

    static ReportSource of(Path file) {
        return new ReportSource() {
            @Override
            public String name() {
                return file.getFileName().toString();
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }
        };
    }

    static ReportSource of(String name, byte[] content) {
        byte[] copy = content.clone();
        return new ReportSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(copy);
            }
        };
    }
}
