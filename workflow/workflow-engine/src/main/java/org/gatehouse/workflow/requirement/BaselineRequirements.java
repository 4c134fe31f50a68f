package org.gatehouse.workflow.requirement;

import java.util.List;

/**
 * The baseline catalog every release starts from (8.3-em..eo, with the platform-level clauses a
 * shop's software must meet): a stable key, the clause it comes from, its title in English and
 * zh-CN, and the key security test point (B.1.3.1-ib: the Security Test Recommendations).
 */
public final class BaselineRequirements {

    /** One entry of the catalog; {@code scanCwes}: the weaknesses a scan checks for it (none: a test verifies it). */
    public record Entry(String key, String clause, String title, String titleZh, String testPoint, List<Integer> scanCwes) {
        Entry(String key, String clause, String title, String titleZh, String testPoint) {
            this(key, clause, title, titleZh, testPoint, List.of());
        }
    }

    private static final List<Entry> CATALOG = List.of(
            new Entry("SR-8.3-em-1", "8.3-em", "Data in processing, storage and transfer keeps its integrity",
                    "数据在处理、存储和传输过程中保持完整性",
                    "Tamper with stored and transmitted business data; the change is detected or refused."),
            new Entry("SR-8.3-em-2", "8.3-em", "Sensitive data is encrypted in transfer (TLS) and at rest",
                    "敏感数据在传输（TLS）和存储时加密",
                    "Inspect traffic and storage: no sensitive field travels or rests in clear text.", List.of(319, 311, 327)),
            new Entry("SR-8.3-en-1", "8.3-en", "Business data is backed up and a restore is verified",
                    "业务数据有备份，且恢复经过验证",
                    "Restore a backup into a clean environment and compare with the source."),
            new Entry("SR-8.3-eo-1", "8.3-eo", "Users and passwords are managed; authorisation is limited to duties",
                    "用户与口令受控管理；授权限于其职责",
                    "Try every function as each role; access beyond the role is refused."),
            new Entry("SR-B.1.3.2-1", "B.1.3.2-ij", "Login enforces password complexity, throttling and a second factor",
                    "登录强制口令复杂度、失败限制和双因素认证",
                    "Weak passwords are refused; repeated failures are throttled; the second factor is required."),
            new Entry("SR-B.1.3.2-2", "B.1.3.2-io", "After login, earlier login attempts are shown to the user",
                    "登录后向用户提示此前的登录尝试",
                    "Fail a login, then log in: the failed attempt is reported."),
            new Entry("SR-B.2.4.2-1", "B.2.4.2-kc", "Every account has the least privilege its duties need; deny by default",
                    "每个账户仅有其职责所需的最小权限；默认拒绝",
                    "Call every endpoint without a role: all are refused."),
            new Entry("SR-B.2.4.3-1", "B.2.4.3-kd", "Security events are audited, append-only, with date, actor, type and result",
                    "安全事件被审计，记录只可追加，含日期、发起者、类型和结果",
                    "Perform and then try to alter an audited action; the record exists and cannot be changed."),
            new Entry("SR-B.1.4.1-1", "B.1.4.1", "Input is validated; SQL injection and cross-site scripting are prevented",
                    "校验输入；防止 SQL 注入和跨站脚本",
                    "Black-box scan plus manual injection and XSS probes on every input.", List.of(20, 89, 79, 78)),
            new Entry("SR-B.1.4.7-1", "B.1.4.7", "No backdoor or web shell is present in code or deployment",
                    "代码和部署中不存在后门或 WebShell",
                    "Scan the code for backdoor patterns and review deployed files.", List.of(798, 912, 94)),
            new Entry("SR-7.8.3-1", "7.8.3-dn", "External interfaces authenticate callers and sign parameters with a timestamp",
                    "对外接口认证调用方，并对参数加时间戳签名",
                    "Replay and tamper with interface calls; they are refused and logged."),
            new Entry("SR-7.8.3-2", "7.8.3-ds", "Uploads are limited to declared types and sizes and processed safely",
                    "上传限于声明的类型和大小，并被安全处理",
                    "Upload oversized, wrong-type and hostile files; they are refused without side effects.", List.of(434, 611, 776)),
            new Entry("SR-8.5.2-1", "8.5.2", "Development and test use desensitised data and never production keys",
                    "开发和测试使用脱敏数据，绝不使用生产密钥",
                    "Check test fixtures and builds for production keys and personal data.", List.of(798)),
            new Entry("SR-8.7-1", "8.7", "After go-live, temporary data is cleared and administrative rights handed over",
                    "上线后清除临时数据并移交管理权限",
                    "Review the production system for leftover test accounts, data and developer access."));

    private BaselineRequirements() {
    }

    public static List<Entry> catalog() {
        return CATALOG;
    }
}
