package org.gatehouse.workflow.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static Properties load(String name) throws IOException {
        try (InputStream in = MessagesTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryChineseTextIsTranslated() throws IOException {
        Properties en = load("Messages.properties");
        Properties zh = load("Messages_zh_CN.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        for (String key : zh.stringPropertyNames()) {
            assertNotEquals(en.getProperty(key), zh.getProperty(key), key);
            assertTrue(zh.getProperty(key).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), key);
        }
    }

    @Test
    void everyKeyTheEngineUsesExists() throws IOException {
        Set<String> keys = load("Messages.properties").stringPropertyNames();
        List<String> used = new ArrayList<>(List.of("lifecycle.trigger-not-permitted", "lifecycle.phase-terminal",
                "lifecycle.blocked", "lifecycle.waiver-not-permitted", "lifecycle.activity-not-in-phase",
                "lifecycle.gate-not-in-definition", Lifecycle.GATE_MISSING, Lifecycle.GATE_FAILED, Preview.ACTIVITY_OPEN,
                // the CI-scoped advance's refusals (release/ScanAdvances)
                "lifecycle.ci-waived-gate", "lifecycle.ci-terminal"));
        for (DefinitionRule rule : DefinitionRule.values()) {
            used.add(rule.messageKey());
        }
        for (String key : used) {
            assertTrue(keys.contains(key), key);
        }
        assertEquals(used.size(), keys.size());
    }
}
