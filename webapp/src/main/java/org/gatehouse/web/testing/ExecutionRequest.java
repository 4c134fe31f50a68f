package org.gatehouse.web.testing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of an execution: {@code result} (PASSED, FAILED, BLOCKED, NOT_APPLICABLE), optional
 * {@code notes}, {@code evidence} (text) and {@code evidenceUrl}; with FAILED, the {@code severity}
 * of the finding it files (HIGH when absent).
 */
public class ExecutionRequest {
    @NotNull(message = "{validation.required}")
    @Pattern(regexp = "PASSED|FAILED|BLOCKED|NOT_APPLICABLE", message = "{validation.testResult}")
    public String result;

    @Size(max = 4000, message = "{validation.size}")
    public String notes;

    @Size(max = 4000, message = "{validation.size}")
    public String evidence;

    @Size(max = 2000, message = "{validation.size}")
    @Pattern(regexp = "https?://[^\\s]+", message = "{validation.httpUrl}")
    public String evidenceUrl;

    @Pattern(regexp = "CRITICAL|HIGH|MEDIUM|LOW|INFO", message = "{validation.severity}")
    public String severity;
}
