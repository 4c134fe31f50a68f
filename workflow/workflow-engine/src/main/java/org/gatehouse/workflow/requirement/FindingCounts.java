package org.gatehouse.workflow.requirement;

import java.util.Map;
import org.gatehouse.workflow.api.ReleaseId;

/**
 * The findings of a release as the Security Audit Report states them ({@code STATE/SEVERITY} →
 * count), contributed by the module that owns the findings (a CDI bean); none when absent.
 */
public interface FindingCounts {
    Map<String, Integer> of(ReleaseId release);
}
