package org.gatehouse.platform.error;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Base of every business-rule exception. It carries its {@link ProblemType} and a message key
 * resolved in the {@code Messages} bundle of the concrete exception's package, so that the REST
 * layer maps every exception once to a localised {@code application/problem+json} body.
 */
public abstract class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final String messageKey;
    private final transient List<Object> arguments;

    protected DomainException(ProblemType type, String messageKey, Object... arguments) {
        super(messageKey);
        this.type = type;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public ProblemType type() {
        return type;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }

    /** The human-readable detail in the given locale (English when the locale has no bundle). */
    public String detail(Locale locale) {
        return Messages.format(getClass(), messageKey, locale, arguments.toArray());
    }

    @Override
    public String getMessage() {
        return detail(Locale.ROOT);
    }

    /** Resolves keys in the {@code Messages} bundle that sits beside a class. */
    public static final class Messages {
        private Messages() {
        }

        public static String format(Class<?> anchor, String key, Locale locale, Object... arguments) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(anchor.getPackageName() + ".Messages", locale,
                        anchor.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                                ResourceBundle.Control.FORMAT_PROPERTIES));
                String pattern = bundle.getString(key);
                return arguments.length == 0 ? pattern : new java.text.MessageFormat(pattern, locale).format(arguments);
            } catch (MissingResourceException e) {
                return key;
            }
        }
    }
}
