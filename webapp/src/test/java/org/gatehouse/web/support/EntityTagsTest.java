package org.gatehouse.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gatehouse.platform.error.StaleVersion;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void matchesTheCurrentStrongTagOrAStar() {
        assertEquals(4, EntityTags.expectedVersion("\"4\"", 4));
        assertEquals(4, EntityTags.expectedVersion("\"3\", \"4\"", 4));
        assertEquals(4, EntityTags.expectedVersion("*", 4));
    }

    @Test
    void refusesStaleWeakOrForeignTags() {
        assertThrows(StaleVersion.class, () -> EntityTags.expectedVersion("\"3\"", 4));
        assertThrows(StaleVersion.class, () -> EntityTags.expectedVersion("W/\"4\"", 4));
        assertThrows(StaleVersion.class, () -> EntityTags.expectedVersion("4", 4));
        assertThrows(StaleVersion.class, () -> EntityTags.expectedVersion("\"abc\"", 4));
    }

    @Test
    void requiresTheHeader() {
        assertThrows(EntityTags.PreconditionRequired.class, () -> EntityTags.expectedVersion(null, 1));
        assertThrows(EntityTags.PreconditionRequired.class, () -> EntityTags.expectedVersion(" ", 1));
    }
}
