package org.gatehouse.scanner.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.gatehouse.platform.error.DomainException;
import org.junit.jupiter.api.Test;

/** Every refusal has its message in English and Chinese, with the limit or the allowed types in it. */
class MessagesTest {
    private static final Set<String> TYPES = Set.of("sarif", "json");

    private static List<DomainException> everyRefusal() {
        return List.of(new UploadTooLarge(200L << 20),
                UndeclaredReportType.noName(TYPES), UndeclaredReportType.undeclared("a.txt", TYPES),
                UndeclaredReportType.notGzip("a.sarif.gz"), UndeclaredReportType.notZip("a.zip"),
                UndeclaredReportType.zipMisnamed("a.sarif"),
                ArchiveRejected.ratio(100), ArchiveRejected.tooLarge(1L << 30), ArchiveRejected.tooManyEntries(17, 16),
                ArchiveRejected.noReport(TYPES), ArchiveRejected.severalFiles(TYPES), ArchiveRejected.entryType("a.txt", TYPES),
                ArchiveRejected.nested("a.zip"), ArchiveRejected.encrypted(), ArchiveRejected.corrupt("gzip"));
    }

    @Test
    void bothBundlesHaveTheSameKeysAndEveryKeyIsUsed() throws IOException {
        Properties en = load("Messages.properties");
        Properties zh = load("Messages_zh_CN.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        assertEquals(new TreeSet<>(en.stringPropertyNames()),
                new TreeSet<>(everyRefusal().stream().map(DomainException::messageKey).toList()));
    }

    @Test
    void everyRefusalReadsInEnglishAndChinese() {
        for (DomainException refusal : everyRefusal()) {
            String english = refusal.detail(Locale.ENGLISH);
            String chinese = refusal.detail(Locale.SIMPLIFIED_CHINESE);
            assertNotEquals(refusal.messageKey(), english, "no English message for " + refusal.messageKey());
            assertNotEquals(english, chinese, refusal.messageKey() + " is not translated");
            assertTrue(chinese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    refusal.messageKey() + ": " + chinese);
            assertTrue(!english.contains("{") && !chinese.contains("{"), "unformatted argument in " + english + chinese);
            for (Object argument : refusal.arguments()) {
                assertTrue(english.contains(argument.toString()), english + " lacks " + argument);
                assertTrue(chinese.contains(argument.toString()), chinese + " lacks " + argument);
            }
        }
    }

    @Test
    void messagesNameTheLimitAndTheAllowedTypes() {
        assertEquals("\"a.txt\" is not a file type this scanner reads. Allowed: .json, .sarif, each optionally followed "
                + "by .gz, or a .zip holding exactly one such file.", UndeclaredReportType.undeclared("a.txt", TYPES).getMessage());
        assertEquals("上传文件超过 200 MiB，即报告允许的最大大小。请用 gzip 压缩（report.sarif.gz）或拆分扫描。",
                new UploadTooLarge(200L << 20).detail(Locale.SIMPLIFIED_CHINESE));
        assertEquals("The report is larger than 1 GiB when decompressed, the most a report may have.",
                ArchiveRejected.tooLarge(1L << 30).getMessage());
    }

    @Test
    void sizesReadAsACiUserWritesThem() {
        assertEquals("200 MiB", Sizes.human(200L << 20));
        assertEquals("1 GiB", Sizes.human(1L << 30));
        assertEquals("1000 B", Sizes.human(1000));
        assertEquals("1.5 KiB", Sizes.human(1536));
        assertEquals(".json, .sarif", Sizes.extensions(Set.of("sarif", "json")));
    }

    private Properties load(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
