package org.gatehouse.workflow.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"SHOP", "P2", "ABCDEFGHIJKLMNOP"})
    void acceptsProjectKeys(String text) {
        assertEquals(text, new ProjectKey(text).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "S", "shop", "2SHOP", "SHOP-1", "ABCDEFGHIJKLMNOPQ", "SH OP", "ШОП"})
    void rejectsMalformedProjectKeys(String text) {
        assertThrows(IllegalArgumentException.class, () -> new ProjectKey(text));
        assertTrue(ProjectKey.parse(text).isEmpty());
    }

    @Test
    void releaseIdParsesOnlyCanonicalUuids() {
        UUID uuid = UUID.randomUUID();
        assertEquals(Optional.of(new ReleaseId(uuid)), ReleaseId.parse(uuid.toString()));
        assertTrue(ReleaseId.parse("1-1-1-1-1").isEmpty());
        assertTrue(ReleaseId.parse("not-a-uuid").isEmpty());
        assertTrue(ReleaseId.parse(null).isEmpty());
    }

    @Test
    void protectionLevelsAreOneToThree() {
        assertEquals(ProtectionLevel.LEVEL_2, ProtectionLevel.of(2));
        assertThrows(IllegalArgumentException.class, () -> ProtectionLevel.of(0));
        assertThrows(IllegalArgumentException.class, () -> ProtectionLevel.of(4));
    }
}
