package org.gatehouse.findings.manual;

import java.util.List;
import java.util.Optional;

/** What a tester writes for a new case; without a key the next free {@code MT-nnn} is taken. */
public record NewTestCase(Optional<String> key, String title, String steps, String expectedResult,
        List<String> requirements) {

    /** A case key: upper-case letters and digits, a dash, a number (e.g. {@code MT-001}). */
    public static final String KEY_PATTERN = "[A-Z][A-Z0-9]{0,9}-[0-9]{1,4}";
    /** A security requirement id (the requirements feature owns them): e.g. {@code SR-8.3-em-1}. */
    public static final String REQUIREMENT_PATTERN = "SR-[A-Za-z0-9]+([.-][A-Za-z0-9]+)*";

    public NewTestCase {
        requirements = List.copyOf(requirements);
    }
}
