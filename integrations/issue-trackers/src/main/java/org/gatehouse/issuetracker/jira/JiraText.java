package org.gatehouse.issuetracker.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import org.gatehouse.issuetracker.api.IssueText;
import org.gatehouse.issuetracker.api.LightMarkup;
import org.gatehouse.issuetracker.api.TrackerHttp;

/**
 * {@link IssueText} for Jira: REST v3 takes the Atlassian Document Format (a JSON tree: values are
 * text nodes, never parsed as markup); REST v2 takes wiki markup, so every value is escaped there.
 */
final class JiraText {
    private static final Wiki WIKI = new Wiki();

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
        return WIKI.render(text);
    }

    /** Wiki markup characters escaped with a backslash; line breaks become spaces, control characters go. */
    private static final class Wiki extends LightMarkup {
        Wiki() {
            super("\\*_-+^~?{}[]|!#()", Map.of());
        }

        @Override
        protected void heading(StringBuilder out, String text) {
            out.append("h3. ").append(text).append("\n\n");
        }

        @Override
        protected void field(StringBuilder out, String label, String value) {
            out.append("*").append(label).append(":* ").append(value).append('\n');
        }

        @Override
        protected void link(StringBuilder out, String text, String url) {
            out.append("\n[").append(text).append("|").append(url).append("]\n\n");
        }
    }
}
