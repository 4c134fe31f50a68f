package org.gatehouse.scanner.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkerArgumentsTest {

    @Test
    void defaultsAreSecurityCategoryMaxEffortMediumConfidence() {
        WorkerArguments args = WorkerArguments.parse("--output", "r.xml", "app.war");
        assertEquals(List.of(Path.of("app.war")), args.artifacts());
        assertEquals(Path.of("r.xml"), args.output());
        assertEquals(Set.of("SECURITY"), args.rules().categories());
        assertEquals(Effort.MAX, args.rules().effort());
        assertEquals(RuleSet.Confidence.MEDIUM, args.rules().minConfidence());
        assertEquals(RuleSet.securityOnly(), args.rules());
    }

    @Test
    void writtenArgumentsReadBackEqual() {
        WorkerArguments written = new WorkerArguments(List.of(Path.of("a.jar"), Path.of("--odd-name.jar")),
                List.of(Path.of("lib/servlet.jar")), List.of(Path.of("fsb.jar")), Path.of("out/report.xml"),
                new RuleSet(Set.of("SECURITY", "MALICIOUS_CODE"), List.of(Path.of("in.xml")), List.of(Path.of("ex.xml")),
                        Effort.DEFAULT, RuleSet.Confidence.LOW));
        assertEquals(written, WorkerArguments.parse(written.toArgs().toArray(String[]::new)));
        assertTrue(written.toArgs().contains("MALICIOUS_CODE,SECURITY"), written.toArgs().toString());
    }

    @Test
    void allCategoriesIsAnEmptySet() {
        WorkerArguments all = WorkerArguments.parse("--all-categories", "--output", "r.xml", "x.jar");
        assertEquals(Set.of(), all.rules().categories());
        assertEquals(all, WorkerArguments.parse(all.toArgs().toArray(String[]::new)));
    }

    @Test
    void rejectsWrongCommandLines() {
        assertEquals("--output is required",
                assertThrows(IllegalArgumentException.class, () -> WorkerArguments.parse("a.jar")).getMessage());
        assertEquals("no artifact to analyse",
                assertThrows(IllegalArgumentException.class, () -> WorkerArguments.parse("--output", "r.xml")).getMessage());
        assertEquals("unknown option --threads", assertThrows(IllegalArgumentException.class,
                () -> WorkerArguments.parse("--threads", "2", "--output", "r.xml", "a.jar")).getMessage());
        assertEquals("--aux needs a value",
                assertThrows(IllegalArgumentException.class, () -> WorkerArguments.parse("a.jar", "--aux")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> WorkerArguments.parse("--effort", "huge", "--output", "r", "a"));
    }
}
