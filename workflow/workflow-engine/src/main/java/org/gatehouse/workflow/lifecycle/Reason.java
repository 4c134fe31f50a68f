package org.gatehouse.workflow.lifecycle;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gatehouse.platform.error.DomainException;

/**
 * Why a gate blocks or waits: a message key with its arguments, resolved in the {@code Messages}
 * bundle (English and zh-CN) beside the class that produced it (the gate, or this engine).
 */
public record Reason(String key, List<String> arguments) {
    public Reason {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a reason needs a message key");
        }
        arguments = List.copyOf(arguments);
    }

    public static Reason of(String key, Object... arguments) {
        return new Reason(key, Arrays.stream(arguments).map(String::valueOf).toList());
    }

    /** The text in a locale, from the bundle in the package of {@code source}; the key itself when none has it. */
    public String format(Class<?> source, Locale locale) {
        return DomainException.Messages.format(source, key, locale, arguments.toArray());
    }
}
