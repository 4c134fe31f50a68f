package org.gatehouse.web.scan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The JSON body of {@code POST /releases/{id}/scans} for CI agents that share storage with the server: the artifact
 * and its dependency jars named by absolute paths under {@code GATEHOUSE_SCAN_PATH_ROOTS}, and the origin.
 */
public class WhiteBoxScanRequest {
    @NotBlank(message = "{validation.required}")
    @Size(max = 4096, message = "{validation.size}")
    public String artifactPath;

    @Size(max = 500, message = "{validation.size}")
    public List<String> dependencyPaths;

    /** What the scan reports ({@link org.gatehouse.scans.ScanRules}); default: the SECURITY category. */
    public jakarta.json.JsonObject rules;

    @Size(max = 100, message = "{validation.size}")
    public String category;

    @Size(max = 64, message = "{validation.size}")
    public String commit;

    @Size(max = 200, message = "{validation.size}")
    public String build;
}
