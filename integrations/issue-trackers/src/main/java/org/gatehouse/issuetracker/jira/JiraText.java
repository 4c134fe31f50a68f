package org.gatehouse.issuetracker.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.gatehouse.issuetracker.api.IssueText;
import org.gatehouse.issuetracker.api.TrackerHttp;

/**
 * {@link IssueText} for Jira: REST v3 takes the Atlassian Document Format (a JSON tree: values are
 * text nodes, never parsed as markup); REST v2 takes wiki markup, so every value is escaped there.
 */
final class JiraText {
    private JiraText() {
    }

    static JsonNode render(IssueText text, boolean v3) {
        return v3 ? adf(text) : TextNode.valueOf(wiki(text));
    }

    /** {"type":"doc","version":1,"content":[…]} */
    static ObjectNode adf(IssueText text) {
        ObjectNode doc = TrackerHttp.object();
        doc.put("type", "doc");
        doc.put("version", 1);
        ArrayNode content = doc.putArray("content");
        for (IssueText.Block block : text.blocks()) {
            if (block instanceof IssueText.Heading h) {
                ObjectNode heading = node(content, "heading");
                heading.putObject("attrs").put("level", 3);
                text(heading.putArray("content"), h.text(), null);
            } else if (block instanceof IssueText.Paragraph p) {
                text(node(content, "paragraph").putArray("content"), p.text(), null);
            } else if (block instanceof IssueText.Field f) {
                ArrayNode spans = node(content, "paragraph").putArray("content");
                text(spans, f.label() + ": ", "strong");
                text(spans, f.value(), null);
            } else if (block instanceof IssueText.Link l) {
                ArrayNode spans = node(content, "paragraph").putArray("content");
                ObjectNode span = text(spans, l.text(), null);
                if (span != null) {
                    ObjectNode link = span.putArray("marks").addObject();
                    link.put("type", "link");
                    link.putObject("attrs").put("href", l.url().toASCIIString());
                }
            }
        }
        return doc;
    }

    private static ObjectNode node(ArrayNode content, String type) {
        ObjectNode node = content.addObject();
        node.put("type", type);
        return node;
    }

    /** A text node (ADF forbids empty ones), optionally with a mark. */
    private static ObjectNode text(ArrayNode spans, String value, String mark) {
        String clean = value.replaceAll("[\\p{Cntrl}&&[^\\n]]", "");
        if (clean.isEmpty()) {
            return null;
        }
        ObjectNode span = spans.addObject();
        span.put("type", "text");
        span.put("text", clean);
        if (mark != null) {
            span.putArray("marks").addObject().put("type", mark);
        }
        return span;
    }

    static String wiki(IssueText text) {
        StringBuilder out = new StringBuilder();
        for (IssueText.Block block : text.blocks()) {
            if (block instanceof IssueText.Heading h) {
                out.append("h3. ").append(escape(h.text())).append("\n\n");
            } else if (block instanceof IssueText.Paragraph p) {
                out.append(escape(p.text())).append("\n\n");
            } else if (block instanceof IssueText.Field f) {
                out.append("*").append(escape(f.label())).append(":* ").append(escape(f.value())).append('\n');
            } else if (block instanceof IssueText.Link l) {
                out.append("\n[").append(escape(l.text())).append("|").append(l.url().toASCIIString()).append("]\n\n");
            }
        }
        return out.toString().strip() + "\n";
    }

    /** Wiki markup characters escaped with a backslash; line breaks become spaces, control characters go. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '*', '_', '-', '+', '^', '~', '?', '{', '}', '[', ']', '|', '!', '#', '(', ')' ->
                        out.append('\\').append(c);
                case '\r', '\n', '\t' -> out.append(' ');
                default -> {
                    if (!Character.isISOControl(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
