package org.gatehouse.issuetracker.github;

import org.gatehouse.issuetracker.api.IssueText;

/**
 * GitHub-flavoured Markdown from {@link IssueText}: every value is escaped, so a finding's title or
 * location never becomes markup, HTML, an autolink or an @-mention on GitHub.
 */
final class Markdown {
    private Markdown() {
    }

    static String render(IssueText text) {
        StringBuilder out = new StringBuilder();
        for (IssueText.Block block : text.blocks()) {
            if (block instanceof IssueText.Heading h) {
                out.append("### ").append(escape(h.text())).append("\n\n");
            } else if (block instanceof IssueText.Paragraph p) {
                out.append(escape(p.text())).append("\n\n");
            } else if (block instanceof IssueText.Field f) {
                out.append("- **").append(escape(f.label())).append(":** ").append(escape(f.value())).append('\n');
            } else if (block instanceof IssueText.Link l) {
                out.append("\n[").append(escape(l.text())).append("](<").append(l.url().toASCIIString()).append(">)\n\n");
            }
        }
        return out.toString().strip() + "\n";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '@' -> out.append("&#64;");
                case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '.', '!', '|', '~', ':', '"', '\'',
                        '=', '$' -> out.append('\\').append(c);
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
