package org.gatehouse.findings.manual;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ReleaseId;

/** A manual test case of a release as stored, with its latest execution. */
public record TestCase(UUID id, ReleaseId release, ProjectKey project, String key, String title, String steps,
        String expectedResult, List<String> requirements, TestOrigin origin, Optional<String> checklistItem,
        String createdBy, OffsetDateTime createdAt, Optional<Latest> latest) {

    public TestCase {
        requirements = List.copyOf(requirements);
    }

    /** The execution that counts. */
    public record Latest(TestResult result, OffsetDateTime at, String tester) {
    }
}
