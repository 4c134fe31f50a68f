package org.gatehouse.issuetracker.api;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Text for an issue's description or a comment, as blocks the adapter renders in the tracker's
 * format (Markdown, Jira wiki, Atlassian Document Format) with every value escaped: finding titles
 * and locations come from scanned code and must never become markup, links or mentions there.
 */
public record IssueText(List<Block> blocks) {
    public IssueText {
        blocks = List.copyOf(blocks);
    }

    /** One block of text. */
    public sealed interface Block {
    }

    /** A short heading line. */
    public record Heading(String text) implements Block {
        public Heading {
            Objects.requireNonNull(text);
        }
    }

    /** A paragraph of plain text. */
    public record Paragraph(String text) implements Block {
        public Paragraph {
            Objects.requireNonNull(text);
        }
    }

    /** A labelled value ("Severity: HIGH"). */
    public record Field(String label, String value) implements Block {
        public Field {
            Objects.requireNonNull(label);
            Objects.requireNonNull(value);
        }
    }

    /** A link with its text; http(s) only. */
    public record Link(String text, URI url) implements Block {
        public Link {
            Objects.requireNonNull(text);
            String scheme = url.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("links are http(s) only");
            }
        }
    }

    /** The text as plain lines (for logs and tests). */
    public String plain() {
        StringBuilder text = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                text.append(h.text());
            } else if (block instanceof Paragraph p) {
                text.append(p.text());
            } else if (block instanceof Field f) {
                text.append(f.label()).append(": ").append(f.value());
            } else if (block instanceof Link l) {
                text.append(l.text()).append(": ").append(l.url());
            }
            text.append('\n');
        }
        return text.toString();
    }
}
