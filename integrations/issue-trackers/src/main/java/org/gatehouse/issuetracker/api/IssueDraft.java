package org.gatehouse.issuetracker.api;

import java.util.List;

/** A new issue: its title (at most 250 characters, one line), its description, and labels ({@code gatehouse} first). */
public record IssueDraft(String title, IssueText description, List<String> labels) {
    public static final int MAX_TITLE = 250;

    public IssueDraft {
        title = oneLine(title);
        labels = List.copyOf(labels);
    }

    private static String oneLine(String title) {
        String line = title == null ? "" : title.replaceAll("[\\r\\n\\t]+", " ").strip();
        if (line.isEmpty()) {
            throw new IllegalArgumentException("an issue needs a title");
        }
        return line.length() <= MAX_TITLE ? line : line.substring(0, MAX_TITLE - 1) + "…";
    }
}
