package org.gatehouse.documents;

import java.util.Optional;

/**
 * The six documents of B.1.3.1 a release's data yields, each with its stable slug (used in URLs),
 * its titles and the classification it gets unless told otherwise.
 */
public enum DocumentKind {
    /** B.1.3.1-ib: requirements, risk assessment and their sign-offs. */
    SECURITY_REQUIREMENTS("security-requirements", "安全需求分析建议", "Security Requirements Analysis Recommendations"),
    /** B.1.3.1-ib: the key security test points of the requirements. */
    TEST_RECOMMENDATIONS("test-recommendations", "安全测试建议", "Security Test Recommendations"),
    /** B.1.3.1-ic: the design review's recommendations and the requirements they serve. */
    DESIGN_RECOMMENDATIONS("design-recommendations", "产品设计安全建议", "Product Design Security Recommendations"),
    /** B.1.3.1-if: the white-box findings of the release. */
    CODE_SCAN_REPORT("code-scan-report", "代码扫描报告", "Code Scan Report"),
    /** B.1.3.1-ig/ih, 8.5.1: black-box findings and the manual test cases with their latest results. */
    SECURITY_TEST_REPORT("security-test-report", "安全测试报告", "Security Test Report"),
    /** B.1.3.1-ih: the audit conclusion over all findings, gate answers, waivers and sign-offs. */
    SECURITY_AUDIT_REPORT("security-audit-report", "安全审核报告", "Security Audit Report");

    private final String slug;
    private final String titleZh;
    private final String titleEn;

    DocumentKind(String slug, String titleZh, String titleEn) {
        this.slug = slug;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
    }

    public String slug() {
        return slug;
    }

    public String title(DocumentLanguage language) {
        return language == DocumentLanguage.ZH_CN ? titleZh : titleEn;
    }

    /** C.3: the audit report is confidential, the others internal. */
    public Classification defaultClassification() {
        return this == SECURITY_AUDIT_REPORT ? Classification.CONFIDENTIAL : Classification.INTERNAL;
    }

    public static Optional<DocumentKind> parse(String text) {
        for (DocumentKind kind : values()) {
            if (kind.slug.equalsIgnoreCase(text) || kind.name().equalsIgnoreCase(text)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
