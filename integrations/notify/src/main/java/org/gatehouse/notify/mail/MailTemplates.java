package org.gatehouse.notify.mail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.text.MessageFormat;
import java.util.List;
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

    /** The event's data (a JSON object) as name and text pairs, in order; JSON-P comes from the server. */
    public static List<Map.Entry<String, String>> fields(String payload) {
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            JsonObject data = reader.readObject();
            return data.entrySet().stream().map(field -> Map.entry(field.getKey(),
                    field.getValue().getValueType() == JsonValue.ValueType.STRING ? data.getString(field.getKey())
                            : field.getValue().toString())).toList();
        }
    }

    public static Mail render(String eventType, String project, String subject, List<Map.Entry<String, String>> fields,
            String occurredAt, String language) {
        ResourceBundle bundle = ResourceBundle.getBundle("org.gatehouse.notify.mail.Mail", locale(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String key = bundle.containsKey(eventType + ".subject") ? eventType : "event";
        StringBuilder details = new StringBuilder();
        for (Map.Entry<String, String> field : fields) {
            String text = field.getValue();
            details.append("  ").append(field.getKey()).append(": ").append(text.length() > 500
                    ? text.substring(0, 500) + "…" : text).append('\n');
        }
        Object[] arguments = {project, subject, details.toString(), occurredAt, eventType};
        String title = new MessageFormat(bundle.getString(key + ".subject"), locale(language)).format(arguments);
        String body = new MessageFormat(bundle.getString(key + ".body"), locale(language)).format(arguments);
        return new Mail(title.replaceAll("[\\r\\n]+", " "), body + "\n" + bundle.getString("footer"));
    }
}
