package org.gatehouse.web.testing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.gatehouse.findings.manual.NewTestCase;

/**
 * The body of a new test case: {@code title}, {@code steps}, {@code expectedResult}, optionally a
 * {@code key} (else the next {@code MT-nnn}) and the ids of the security {@code requirements} it tests.
 */
public class TestCaseRequest {
    @Pattern(regexp = NewTestCase.KEY_PATTERN, message = "{validation.caseKey}")
    public String key;

    @NotBlank(message = "{validation.required}")
    @Size(max = 300, message = "{validation.size}")
    public String title;

    @NotBlank(message = "{validation.required}")
    @Size(max = 8000, message = "{validation.size}")
    public String steps;

    @NotBlank(message = "{validation.required}")
    @Size(max = 4000, message = "{validation.size}")
    public String expectedResult;

    @Size(max = 20, message = "{validation.size}")
    public List<@Size(max = 64, message = "{validation.size}") @Pattern(regexp = NewTestCase.REQUIREMENT_PATTERN,
            message = "{validation.requirementRef}") String> requirements;
}
