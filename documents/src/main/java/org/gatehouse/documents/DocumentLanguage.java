package org.gatehouse.documents;

import java.util.Optional;

/** The languages a document is generated in. */
public enum DocumentLanguage {
    ZH_CN("zh-CN"), EN("en");

    private final String tag;

    DocumentLanguage(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** {@code zh-CN}, {@code zh}, {@code en}, {@code en-US}, … case-insensitively. */
    public static Optional<DocumentLanguage> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("zh") || lower.startsWith("zh-")) {
            return Optional.of(ZH_CN);
        }
        if (lower.equals("en") || lower.startsWith("en-")) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }
}
