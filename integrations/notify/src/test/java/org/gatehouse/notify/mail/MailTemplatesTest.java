package org.gatehouse.notify.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import org.gatehouse.identity.outbox.EventType;
import org.junit.jupiter.api.Test;

/** E-mail templates: every event in both languages, data as plain lines, no header injection. */
class MailTemplatesTest {
    @Test
    void everyEventHasASubjectAndBodyInBothLanguages() {
        for (Locale locale : new Locale[] {Locale.ROOT, Locale.SIMPLIFIED_CHINESE}) {
            ResourceBundle bundle = ResourceBundle.getBundle("org.gatehouse.notify.mail.Mail", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (EventType type : EventType.values()) {
                assertTrue(bundle.containsKey(type.wireName() + ".subject"), type + " " + locale);
                assertTrue(bundle.containsKey(type.wireName() + ".body"), type + " " + locale);
            }
        }
    }

    @Test
    void rendersInTheChosenLanguageWithTheDataAsLines() {
        var payload = java.util.List.of(java.util.Map.entry("created", "3"), java.util.Map.entry("scanner", "sarif"),
                java.util.Map.entry("createdSample", "[\"a\",\"b\"]"));
        MailTemplates.Mail en = MailTemplates.render("findings.changed", "SHOP", "import:1", payload, "2026-12-01T00:00:00Z", "en");
        assertEquals("[Gatehouse] SHOP: new or reopened findings", en.subject());
        assertTrue(en.body().contains("  created: 3\n") && en.body().contains("  scanner: sarif\n"), en.body());
        MailTemplates.Mail zh = MailTemplates.render("findings.changed", "SHOP", "import:1", payload, "2026-12-01T00:00:00Z",
                "zh-CN");
        assertEquals("[Gatehouse] SHOP：新增或重新打开的发现项", zh.subject());
    }

    @Test
    void aSubjectNeverCarriesALineBreak() {
        MailTemplates.Mail mail = MailTemplates.render("findings.changed", "SHOP\r\nBcc: x@evil.test", "s", java.util.List.of(), "t", "en");
        assertFalse(mail.subject().contains("\n") || mail.subject().contains("\r"), mail.subject());
    }
}
