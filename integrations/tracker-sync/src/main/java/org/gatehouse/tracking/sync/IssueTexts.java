package org.gatehouse.tracking.sync;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gatehouse.findings.finding.Finding;
import org.gatehouse.issuetracker.api.IssueDraft;
import org.gatehouse.issuetracker.api.IssueText;
import org.gatehouse.tracking.connection.TrackerLanguage;

/** What Gatehouse writes into a tracker, in the project's language (English or Simplified Chinese). */
final class IssueTexts {
    private static final Map<String, String> STATES_ZH = Map.of("NEW", "新建", "CONFIRMED", "已确认", "FIXED_UNVERIFIED",
            "已修复（待验证）", "VERIFIED", "已验证", "REOPENED", "重新打开", "FALSE_POSITIVE", "误报", "RISK_ACCEPTED", "风险已接受",
            "SUPPRESSED", "已抑制");

    private IssueTexts() {
    }

    static IssueDraft draft(List<Finding> findings, String project, TrackerLanguage language, URI gatehouse) {
        boolean zh = language == TrackerLanguage.ZH_CN;
        Finding first = findings.get(0);
        String title = findings.size() == 1
                ? "[Gatehouse] " + first.severity().name() + ": " + first.title()
                : "[Gatehouse] " + (zh ? findings.size() + " 个发现项：" : findings.size() + " findings: ") + first.title();
        List<IssueText.Block> blocks = new ArrayList<>();
        blocks.add(new IssueText.Paragraph(zh
                ? "Gatehouse 在项目 " + project + " 中发现了以下安全问题。修复后请关闭此问题：Gatehouse 会将发现项标记为“已修复（待验证）”，"
                        + "直到后续扫描或复测验证修复。重新打开此问题会重新打开发现项。"
                : "Gatehouse found the security finding(s) below in project " + project + ". Close this issue when fixed: "
                        + "Gatehouse then marks the finding fixed (unverified) until a later scan or a re-test verifies the fix. "
                        + "Reopening this issue reopens the finding."));
        for (Finding finding : findings) {
            blocks.add(new IssueText.Heading(finding.title()));
            blocks.add(new IssueText.Field(zh ? "严重程度" : "Severity", finding.severity().name()));
            blocks.add(new IssueText.Field("CWE", finding.cwe().isPresent() ? "CWE-" + finding.cwe().getAsInt() : "—"));
            blocks.add(new IssueText.Field(zh ? "规则" : "Rule", finding.tool() + " " + finding.ruleId()));
            blocks.add(new IssueText.Field(zh ? "位置" : "Location", finding.location()));
            blocks.add(new IssueText.Field(zh ? "修复期限" : "Due", finding.dueAt().toLocalDate().toString()));
            blocks.add(new IssueText.Field(zh ? "发现项编号" : "Finding", finding.id().toString()));
        }
        blocks.add(new IssueText.Link(zh ? "在 Gatehouse 中查看" : "Open in Gatehouse", gatehouse.resolve("/#/findings")));
        return new IssueDraft(title, new IssueText(blocks), List.of("gatehouse", "security"));
    }

    static IssueText stateChanged(String findingId, String title, String from, String to, boolean byScan,
            TrackerLanguage language) {
        boolean zh = language == TrackerLanguage.ZH_CN;
        String text = zh
                ? "Gatehouse：发现项 " + findingId + "（" + title + "）的状态由“" + STATES_ZH.getOrDefault(from, from) + "”变为“"
                        + STATES_ZH.getOrDefault(to, to) + "”" + (byScan ? "（依据扫描结果）" : "") + "。"
                : "Gatehouse: finding " + findingId + " (" + title + ") moved from " + from + " to " + to
                        + (byScan ? " (by a scan)" : "") + ".";
        return new IssueText(List.of(new IssueText.Paragraph(text)));
    }
}
