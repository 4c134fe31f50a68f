package org.gatehouse.notify.mail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The e-mail of an event in the recipient's language (zh-CN or English): subject and plain-text
 * body from the {@code Mail} bundle, with the project, what it is about and the event's data as
 * "name: value" lines (plain text, so nothing in the data can become markup).
 */
public final class MailTemplates {
    /** The mail of one event for one person. */
    public record Mail(String subject, String body) {
    }

    private MailTemplates() {
    }

    public static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    public static Mail render(String eventType, String project, String subject, String payload, String occurredAt,
            String language) {
        ResourceBundle bundle = ResourceBundle.getBundle("org.gatehouse.notify.mail.Mail", locale(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String key = bundle.containsKey(eventType + ".subject") ? eventType : "event";
        StringBuilder details = new StringBuilder();
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            JsonObject data = reader.readObject();
            for (Map.Entry<String, JsonValue> field : data.entrySet()) {
                JsonValue value = field.getValue();
                String text = value.getValueType() == JsonValue.ValueType.STRING ? data.getString(field.getKey())
                        : value.toString();
                details.append("  ").append(field.getKey()).append(": ").append(text.length() > 500
                        ? text.substring(0, 500) + "…" : text).append('\n');
            }
        }
        Object[] arguments = {project, subject, details.toString(), occurredAt, eventType};
        String title = new MessageFormat(bundle.getString(key + ".subject"), locale(language)).format(arguments);
        String body = new MessageFormat(bundle.getString(key + ".body"), locale(language)).format(arguments);
        return new Mail(title.replaceAll("[\\r\\n]+", " "), body + "\n" + bundle.getString("footer"));
    }
}
