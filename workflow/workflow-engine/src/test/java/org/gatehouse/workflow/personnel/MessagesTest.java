package org.gatehouse.workflow.personnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.gatehouse.identity.access.Role;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.junit.jupiter.api.Test;

/** C.1: every prerequisite and every reason of the gate in English and zh-CN; the refusal names what is missing. */
class MessagesTest {
    @Test
    void everyPrerequisiteAndGateReasonHasBothLanguages() {
        for (Prerequisite p : Prerequisite.values()) {
            for (String key : new String[] {"prerequisite." + p.wireName(), "gate.team." + p.wireName()}) {
                String en = org.gatehouse.platform.error.DomainException.Messages.format(Prerequisite.class, key, Locale.ENGLISH);
                String zh = org.gatehouse.platform.error.DomainException.Messages.format(Prerequisite.class, key,
                        Locale.SIMPLIFIED_CHINESE);
                assertNotEquals(key, en, key);
                assertNotEquals(en, zh, key);
            }
        }
    }

    @Test
    void theRefusalNamesTheMissingPrerequisitesInTheReadersLanguage() {
        VettingRequired refused = new VettingRequired("ana", Role.DEVELOPER, new ProjectKey("SHOP"), ProtectionLevel.LEVEL_2,
                EnumSet.of(Prerequisite.CONFIDENTIALITY_AGREEMENT, Prerequisite.SECURITY_AWARENESS_TRAINING));
        assertEquals("ana cannot be DEVELOPER in project SHOP yet: its protection level 2 requires vetting, and ana lacks"
                + " a confidentiality agreement in force, a security-awareness training in force.",
                refused.detail(Locale.ENGLISH));
        String zh = refused.detail(Locale.SIMPLIFIED_CHINESE);
        assertTrue(zh.contains("有效的保密协议、有效的安全意识培训"), zh);
        assertEquals(Set.of(Prerequisite.CONFIDENTIALITY_AGREEMENT, Prerequisite.SECURITY_AWARENESS_TRAINING),
                Set.copyOf(refused.missing()));
        assertEquals("urn:gatehouse:problem:vetting-required", refused.type().uri().toString());
    }
}
