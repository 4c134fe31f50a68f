package org.gatehouse.documents.generation;

/**
 * A small XHTML writer: every text goes through {@link #escape}, so data (finding titles come from
 * scanners and are hostile) can never become markup. The output is well-formed XML, which the PDF
 * renderer parses as such. Public for the other generated reports (the compliance report, ADR 0021).
 */
public final class Html {
    private final StringBuilder out = new StringBuilder(8192);

    /** Escapes text for element content and attribute values; drops characters XML cannot carry. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    boolean allowed = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c < 0xD800
                            || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
                    if (allowed && !(c >= 0x7F && c <= 0x9F)) {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    /** Opens an element with a fixed (never data-derived) class. */
    public Html open(String tag, String cssClass) {
        out.append('<').append(tag);
        if (cssClass != null) {
            out.append(" class=\"").append(cssClass).append('"');
        }
        out.append('>');
        return this;
    }

    public Html open(String tag) {
        return open(tag, null);
    }

    public Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding escaped text. */
    public Html element(String tag, String text) {
        return open(tag).text(text).close(tag);
    }

    public Html element(String tag, String cssClass, String text) {
        return open(tag, cssClass).text(text).close(tag);
    }

    public Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Markup written by this code only (a doctype, a style block): never data. */
    public Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** A table row of escaped cells. */
    public Html row(String... cells) {
        open("tr");
        for (String cell : cells) {
            element("td", cell);
        }
        return close("tr");
    }

    /** A header row. */
    public Html head(String... cells) {
        open("tr");
        for (String cell : cells) {
            element("th", cell);
        }
        return close("tr");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
