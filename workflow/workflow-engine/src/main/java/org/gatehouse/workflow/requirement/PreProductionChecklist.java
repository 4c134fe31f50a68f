package org.gatehouse.workflow.requirement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pre-production review (8.6) and the handover of 8.7, as a checklist: each item checked, with a
 * note, before the release may go online.
 */
public final class PreProductionChecklist {

    /** One item of the checklist, with its titles in English and zh-CN. */
    public record Item(String key, String clause, String title, String titleZh) {
    }

    /** The state of one item in a release. */
    public record Check(String item, boolean checked, Optional<String> note, String by, Instant at) {
    }

    private static final List<Item> ITEMS = List.of(
            new Item("design-security-functions", "8.6", "The security functions of the design documents were reviewed",
                    "已审查设计文档中的安全功能"),
            new Item("security-function-tests", "8.6", "The security function tests of the test documents were reviewed",
                    "已审查测试文档中的安全功能测试"),
            new Item("installation-configuration", "8.6", "The installation and configuration process was reviewed",
                    "已审查安装与配置过程"),
            new Item("temporary-data-cleared", "8.7", "Temporary data, test accounts and test data are cleared",
                    "已清除临时数据、测试账户和测试数据"),
            new Item("administrative-handover", "8.7", "Administrative rights are handed over; developers lose them",
                    "管理权限已移交，开发人员不再持有"));

    private PreProductionChecklist() {
    }

    public static List<Item> items() {
        return ITEMS;
    }

    public static boolean isItem(String key) {
        return ITEMS.stream().anyMatch(item -> item.key().equals(key));
    }
}
