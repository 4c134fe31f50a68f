package org.gatehouse.compliance;

import java.util.Locale;
import org.gatehouse.platform.error.DomainException;

/**
 * A user-facing sentence with a stable message key, in English and Chinese. Made from the
 * compliance {@code Messages} bundle ({@link #of}), or from another module's message (a gate's
 * reason) already rendered in both languages.
 */
public record Text(String key, String en, String zh) {
    public static final Locale ZH = Locale.forLanguageTag("zh-CN");

    public Text {
        if (key == null || key.isBlank() || en == null || zh == null) {
            throw new IllegalArgumentException("a text needs a key and both languages");
        }
    }

    /** The message {@code key} of the compliance bundle with its arguments, in both languages. */
    public static Text of(String key, Object... arguments) {
        return new Text(key, DomainException.Messages.format(Text.class, key, Locale.ENGLISH, arguments),
                DomainException.Messages.format(Text.class, key, ZH, arguments));
    }

    public String in(Locale locale) {
        return locale.getLanguage().equals("zh") ? zh : en;
    }
}
