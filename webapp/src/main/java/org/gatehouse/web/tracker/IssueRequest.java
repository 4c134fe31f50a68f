package org.gatehouse.web.tracker;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of POST /projects/{key}/tracker/issues: findings to file, one issue each or one for the group. */
public class IssueRequest {
    @NotEmpty
    @Size(max = 100)
    public List<@Size(max = 64) String> findingIds;

    public Boolean group;
}
