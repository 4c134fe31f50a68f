package org.gatehouse.web.finding;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportUploadsTest {

    @Test
    void respondAsyncIsOnePreferenceAmongOthersWithOrWithoutParameters() {
        assertTrue(ReportUploads.prefersAsync("respond-async"));
        assertTrue(ReportUploads.prefersAsync("wait=10, respond-async"));
        assertTrue(ReportUploads.prefersAsync("RESPOND-ASYNC; foo=bar"));
        assertTrue(ReportUploads.prefersAsync(" return=minimal ,respond-async "));
    }

    @Test
    void anythingElseWaitsAsConfigured() {
        assertFalse(ReportUploads.prefersAsync(null));
        assertFalse(ReportUploads.prefersAsync(""));
        assertFalse(ReportUploads.prefersAsync("return=minimal"));
        assertFalse(ReportUploads.prefersAsync("respond-asynchronously"));
        assertFalse(ReportUploads.prefersAsync("wait=respond-async"));
    }
}
