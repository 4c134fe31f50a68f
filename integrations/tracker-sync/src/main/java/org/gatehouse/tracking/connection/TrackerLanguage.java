package org.gatehouse.tracking.connection;

import java.util.Optional;

/** The language Gatehouse writes a project's issues and comments in. */
public enum TrackerLanguage {
    EN("en"), ZH_CN("zh-CN");

    private final String tag;

    TrackerLanguage(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static Optional<TrackerLanguage> parse(String tag) {
        for (TrackerLanguage language : values()) {
            if (language.tag.equalsIgnoreCase(tag == null ? "" : tag.strip())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
