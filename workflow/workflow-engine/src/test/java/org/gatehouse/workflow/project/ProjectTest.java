package org.gatehouse.workflow.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.junit.jupiter.api.Test;

class ProjectTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.ofHours(8));

    private static ProjectDetails details(String name, int level) {
        return new ProjectDetails(new ProjectKey("SHOP"), name, Optional.of("  Web shop  "), ProtectionLevel.of(level), "alice");
    }

    @Test
    void registersWithStrippedTextAndUtcTimestamps() {
        Project project = new Project(details(" Shop ", 2), clock);
        assertEquals("Shop", project.name());
        assertEquals(Optional.of("Web shop"), project.description());
        assertEquals(ProtectionLevel.LEVEL_2, project.protectionLevel());
        assertEquals(ZoneOffset.UTC, project.createdAt().getOffset());
    }

    @Test
    void revisionReportsWhetherAnythingChanged() {
        Project project = new Project(details("Shop", 2), clock);
        assertFalse(project.revise(details("Shop", 2), clock));
        assertTrue(project.revise(details("Shop", 3), clock));
        assertEquals(ProtectionLevel.LEVEL_3, project.protectionLevel());
    }

    @Test
    void keyCannotChange() {
        Project project = new Project(details("Shop", 2), clock);
        ProjectDetails other = new ProjectDetails(new ProjectKey("OTHER"), "Shop", Optional.empty(), ProtectionLevel.LEVEL_1, "alice");
        assertThrows(IllegalArgumentException.class, () -> project.revise(other, clock));
    }

    @Test
    void rejectsBlankOrOverlongText() {
        assertThrows(IllegalArgumentException.class, () -> details("   ", 1));
        assertThrows(IllegalArgumentException.class, () -> details("x".repeat(Project.NAME_MAX + 1), 1));
        assertThrows(IllegalArgumentException.class, () -> new ProjectDetails(new ProjectKey("SHOP"), "Shop",
                Optional.of("d".repeat(Project.DESCRIPTION_MAX + 1)), ProtectionLevel.LEVEL_1, "alice"));
        assertThrows(IllegalArgumentException.class, () -> new ProjectDetails(new ProjectKey("SHOP"), "Shop",
                Optional.empty(), ProtectionLevel.LEVEL_1, " "));
    }
}
