package org.gatehouse.issuetracker.api;

import java.util.Map;

/**
 * A tracker's lightweight markup (GitHub Markdown, Jira wiki) written from {@link IssueText}: every value goes
 * through {@link #escape(String)} before a subclass puts it into its block syntax, so a finding's title or location
 * never becomes markup, a link or a mention on the tracker. Line breaks and tabs inside a value become spaces and
 * other control characters are dropped.
 */
public abstract class LightMarkup {
    private final String backslashed;
    private final Map<Character, String> entities;

    /**
     * @param backslashed the characters that are markup and are escaped with a backslash
     * @param entities characters replaced by an entity instead (e.g. {@code <} by {@code &lt;})
     */
    protected LightMarkup(String backslashed, Map<Character, String> entities) {
        this.backslashed = backslashed;
        this.entities = Map.copyOf(entities);
    }

    /** The text's blocks in order; the result ends with one line break. */
    public final String render(IssueText text) {
        StringBuilder out = new StringBuilder();
        for (IssueText.Block block : text.blocks()) {
            if (block instanceof IssueText.Heading h) {
                heading(out, escape(h.text()));
            } else if (block instanceof IssueText.Paragraph p) {
                out.append(escape(p.text())).append("\n\n");
            } else if (block instanceof IssueText.Field f) {
                field(out, escape(f.label()), escape(f.value()));
            } else if (block instanceof IssueText.Link l) {
                link(out, escape(l.text()), l.url().toASCIIString());
            }
        }
        return out.toString().strip() + "\n";
    }

    /** {@code text} with every markup character escaped, on one line. */
    public final String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity = entities.get(c);
            if (entity != null) {
                out.append(entity);
            } else if (backslashed.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c == '\r' || c == '\n' || c == '\t') {
                out.append(' ');
            } else if (!Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A heading block of the already escaped {@code text}. */
    protected abstract void heading(StringBuilder out, String text);

    /** A label and its value, both already escaped. */
    protected abstract void field(StringBuilder out, String label, String value);

    /** A link with its already escaped text; {@code url} is an absolute ASCII URL checked by the caller. */
    protected abstract void link(StringBuilder out, String text, String url);
}
