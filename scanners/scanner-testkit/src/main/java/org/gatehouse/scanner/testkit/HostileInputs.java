package org.gatehouse.scanner.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gatehouse.scanner.api.ReportSource;

/** Inputs every JSON or XML plugin must refuse: malformed, truncated, foreign, bombs and giants. */
public final class HostileInputs {
    private HostileInputs() {
    }

    private static ReportSource text(String name, String content) {
        return ReportSource.of(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public static List<ReportSource> json() {
        return List.of(
                text("empty file", ""),
                text("not json", "this is not a report"),
                text("malformed json", "{\"version\": \"2.1.0\", \"runs\": [ {\"results\": [ } ] }"),
                text("truncated json", "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},\"results\":[{\"ruleId\":"),
                text("wrong format: an array", "[1, 2, 3]"),
                text("wrong format: another json document", "{\"kind\": \"something else\", \"items\": []}"),
                text("deeply nested json", "[".repeat(100_000) + "]".repeat(100_000)),
                text("huge string", "{\"version\":\"" + "x".repeat(30_000_000) + "\"}"),
                ReportSource.of("binary garbage", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, 3, (byte) 0x80, (byte) 0x81}),
                text("xml instead of json", "<?xml version=\"1.0\"?><BugCollection/>"));
    }

    public static List<ReportSource> xml() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]><BugCollection>&lol4;</BugCollection>";
        return List.of(
                text("empty file", ""),
                text("not xml", "this is not a report"),
                text("malformed xml", "<BugCollection><BugInstance type=\"X\"></BugCollection>"),
                text("truncated xml", "<?xml version=\"1.0\"?><BugCollection version=\"4.4.0\"><BugInstance type=\"SQL"),
                text("xml external entity", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + "<BugCollection><BugInstance type=\"&xxe;\"/></BugCollection>"),
                text("billion laughs", laughs),
                text("deeply nested xml", "<a>".repeat(10_000) + "</a>".repeat(10_000)),
                text("json instead of xml", "{\"version\":\"2.1.0\",\"runs\":[]}"),
                text("huge text", "<BugCollection><BugInstance type=\"X\"><LongMessage>" + "x".repeat(12_000_000)
                        + "</LongMessage></BugInstance></BugCollection>"),
                ReportSource.of("binary garbage", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, 3, (byte) 0x80}));
    }
}
