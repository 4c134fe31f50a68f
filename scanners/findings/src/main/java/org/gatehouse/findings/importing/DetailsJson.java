package org.gatehouse.findings.importing;

import java.util.Map;

/**
 * A finding's details ({@code ReportedFinding.details}: keys in kebab-case, values plain strings) as the JSON object
 * stored in {@code finding_occurrence.details}, written by hand because it is flat and this runs once per result of an
 * import. Strings are escaped as RFC 8259 says; NUL is left out (PostgreSQL's {@code json} takes {@code \u0000}, but
 * no text operation on it can).
 */
final class DetailsJson {

    private DetailsJson() {
    }

    /** The object, or {@code null} (SQL NULL) when there are no details. */
    static String of(Map<String, String> details) {
        if (details.isEmpty()) {
            return null;
        }
        StringBuilder json = new StringBuilder(64 + 32 * details.size()).append('{');
        for (Map.Entry<String, String> detail : details.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, detail.getKey()).append(':');
            string(json, detail.getValue());
        }
        return json.append('}').toString();
    }

    private static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\0' -> {
                    // PostgreSQL text cannot hold NUL
                }
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
