package org.gatehouse.issuetracker.github;

import java.util.Map;
import org.gatehouse.issuetracker.api.IssueText;
import org.gatehouse.issuetracker.api.LightMarkup;

/**
 * GitHub-flavoured Markdown from {@link IssueText}: every value is escaped, so a finding's title or
 * location never becomes markup, HTML, an autolink or an @-mention on GitHub.
 */
final class Markdown extends LightMarkup {
    private static final Markdown GITHUB = new Markdown();

    private Markdown() {
        super("\\`*_{}[]()#+-.!|~:\"'=$", Map.of('&', "&amp;", '<', "&lt;", '>', "&gt;", '@', "&#64;"));
    }

    static String markdown(IssueText text) {
        return GITHUB.render(text);
    }

    @Override
    protected void heading(StringBuilder out, String text) {
        out.append("### ").append(text).append("\n\n");
    }

    @Override
    protected void field(StringBuilder out, String label, String value) {
        out.append("- **").append(label).append(":** ").append(value).append('\n');
    }

    @Override
    protected void link(StringBuilder out, String text, String url) {
        out.append("\n[").append(text).append("](<").append(url).append(">)\n\n");
    }
}
