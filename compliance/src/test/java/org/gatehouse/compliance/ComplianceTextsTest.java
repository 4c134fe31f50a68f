package org.gatehouse.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key the checks use exists in English and Chinese, and renders with its arguments. */
class ComplianceTextsTest {

    @Test
    void everyKeyUsedInTheSourcesHasBothLanguages() throws IOException {
        Pattern used = Pattern.compile("Text\\.of\\(\"([a-z0-9.-]+)\"");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = used.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        assertTrue(keys.size() > 40, "found " + keys.size());
        for (String key : keys) {
            Text text = Text.of(key, "A", "B", "C", "D", "E", "F");
            assertNotEquals(key, text.en(), key + " has no English text");
            assertNotEquals(key, text.zh(), key + " has no Chinese text");
            assertNotEquals(text.en(), text.zh(), key + " is not translated");
        }
    }

    @Test
    void argumentsAreFilledIn() {
        Text text = Text.of("compliance.gate-passed", "white-box.no-open-findings", "2.4.0", "TESTING");
        assertEquals("Gate white-box.no-open-findings passes for release 2.4.0 (phase TESTING).", text.en());
        assertEquals("版本 2.4.0 的关口 white-box.no-open-findings 通过（阶段 TESTING）。", text.zh());
    }
}
