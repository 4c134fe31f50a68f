package org.gatehouse.documents.generation;

import java.util.Map;
import org.gatehouse.documents.DocumentLanguage;

/** The fixed texts of the documents in zh-CN and English. */
final class Labels {
    private static final Map<String, String[]> TEXTS = Map.ofEntries(
            Map.entry("project", new String[] {"项目", "Project"}),
            Map.entry("release", new String[] {"版本", "Release"}),
            Map.entry("phase", new String[] {"阶段", "Phase"}),
            Map.entry("level", new String[] {"保护等级", "Protection level"}),
            Map.entry("classification", new String[] {"密级", "Classification"}),
            Map.entry("clause", new String[] {"条款", "Clause"}),
            Map.entry("requirements", new String[] {"安全需求", "Security requirements"}),
            Map.entry("key", new String[] {"编号", "Key"}),
            Map.entry("title", new String[] {"标题", "Title"}),
            Map.entry("ticket", new String[] {"需求单", "Ticket"}),
            Map.entry("status", new String[] {"状态", "Status"}),
            Map.entry("active", new String[] {"有效", "in force"}),
            Map.entry("withdrawn", new String[] {"已撤回", "withdrawn"}),
            Map.entry("risk", new String[] {"风险评估", "Risk assessment"}),
            Map.entry("risk.none", new String[] {"尚未进行风险评估。", "No risk assessment recorded yet."}),
            Map.entry("asset", new String[] {"资产价值", "Asset value"}),
            Map.entry("likelihood", new String[] {"可能性", "Likelihood"}),
            Map.entry("impact", new String[] {"影响", "Impact"}),
            Map.entry("score", new String[] {"风险值", "Score"}),
            Map.entry("threats", new String[] {"威胁", "Threats"}),
            Map.entry("loss", new String[] {"业务损失", "Business loss"}),
            Map.entry("by", new String[] {"人员", "By"}),
            Map.entry("at", new String[] {"时间", "At"}),
            Map.entry("signoffs", new String[] {"签署", "Sign-offs"}),
            Map.entry("subject", new String[] {"事项", "Subject"}),
            Map.entry("digest", new String[] {"内容摘要 (SHA-256)", "Content digest (SHA-256)"}),
            Map.entry("role", new String[] {"角色", "Role"}),
            Map.entry("signer", new String[] {"签署人", "Signed by"}),
            Map.entry("comment", new String[] {"意见", "Comment"}),
            Map.entry("missing", new String[] {"尚缺签署", "Still missing"}),
            Map.entry("lacking", new String[] {"尚缺内容", "Still lacking"}),
            Map.entry("none", new String[] {"无", "none"}),
            Map.entry("testpoints", new String[] {"关键安全测试点", "Key security test points"}),
            Map.entry("testpoint", new String[] {"测试点", "Test point"}),
            Map.entry("testpoint.missing", new String[] {"（缺少测试点）", "(no test point)"}),
            Map.entry("designs", new String[] {"设计安全建议", "Design recommendations"}),
            Map.entry("topic", new String[] {"类别", "Topic"}),
            Map.entry("recommendation", new String[] {"建议", "Recommendation"}),
            Map.entry("decision", new String[] {"决定", "Decision"}),
            Map.entry("traceability", new String[] {"需求追溯", "Traceability"}),
            Map.entry("served.by", new String[] {"对应建议", "Served by"}),
            Map.entry("untraced", new String[] {"尚无建议对应的需求", "Requirements no recommendation serves"}),
            Map.entry("findings.white", new String[] {"白盒扫描发现", "White-box findings"}),
            Map.entry("findings.black", new String[] {"黑盒扫描发现", "Black-box findings"}),
            Map.entry("findings.all", new String[] {"全部发现（按状态和严重程度）", "All findings by state and severity"}),
            Map.entry("findings.total", new String[] {"合计", "Total"}),
            Map.entry("findings.none", new String[] {"无发现。", "No findings."}),
            Map.entry("findings.more", new String[] {"另有 %d 项未列出。", "and %d more not listed."}),
            Map.entry("severity", new String[] {"严重程度", "Severity"}),
            Map.entry("state", new String[] {"状态", "State"}),
            Map.entry("count", new String[] {"数量", "Count"}),
            Map.entry("scanner", new String[] {"工具", "Scanner"}),
            Map.entry("rule", new String[] {"规则", "Rule"}),
            Map.entry("location", new String[] {"位置", "Location"}),
            Map.entry("manual", new String[] {"人工测试用例与安全功能检查表 (8.5.1)",
                    "Manual test cases and the security-function checklist (8.5.1)"}),
            Map.entry("manual.none", new String[] {"尚无测试用例。", "No test cases yet."}),
            Map.entry("result", new String[] {"最近结果", "Latest result"}),
            Map.entry("not.executed", new String[] {"未执行", "not executed"}),
            Map.entry("tester", new String[] {"测试人员", "Tester"}),
            Map.entry("conclusion", new String[] {"审核结论", "Audit conclusion"}),
            Map.entry("conclusion.none", new String[] {"尚无审核结论。", "No audit conclusion yet."}),
            Map.entry("verdict", new String[] {"结论", "Verdict"}),
            Map.entry("gates", new String[] {"关口评估", "Gate answers"}),
            Map.entry("move", new String[] {"迁移", "Move"}),
            Map.entry("gate", new String[] {"关口", "Gate"}),
            Map.entry("answer", new String[] {"结果", "Answer"}),
            Map.entry("reasons", new String[] {"原因", "Reasons"}),
            Map.entry("waivers", new String[] {"豁免", "Waivers"}),
            Map.entry("justification", new String[] {"理由", "Justification"}),
            Map.entry("expires", new String[] {"到期", "Expires"}));

    private Labels() {
    }

    static String of(String key, DocumentLanguage language) {
        String[] texts = TEXTS.get(key);
        if (texts == null) {
            throw new IllegalArgumentException("no label " + key);
        }
        return language == DocumentLanguage.ZH_CN ? texts[0] : texts[1];
    }
}
