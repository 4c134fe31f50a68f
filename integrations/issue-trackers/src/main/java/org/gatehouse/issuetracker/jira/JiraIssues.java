package org.gatehouse.issuetracker.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.gatehouse.issuetracker.api.ChangedIssues;
import org.gatehouse.issuetracker.api.ExternalIssue;
import org.gatehouse.issuetracker.api.ExternalState;
import org.gatehouse.issuetracker.api.InvalidTarget;
import org.gatehouse.issuetracker.api.IssueDraft;
import org.gatehouse.issuetracker.api.IssueText;
import org.gatehouse.issuetracker.api.IssueTracker;
import org.gatehouse.issuetracker.api.Paths;
import org.gatehouse.issuetracker.api.TrackerCallFailed;
import org.gatehouse.issuetracker.api.TrackerDescriptor;
import org.gatehouse.issuetracker.api.TrackerHttp;
import org.gatehouse.issuetracker.api.TrackerTarget;
import org.gatehouse.issuetracker.api.WebhookDelivery;

/**
 * Jira over REST v3 (Cloud: descriptions and comments in the Atlassian Document Format, search by
 * {@code /search/jql} with a page token) or REST v2 (Data Center, and Cloud: wiki markup, search
 * with {@code startAt}); option {@code api-version} (default 3) and {@code issue-type} (default Bug).
 * The container is the project key. Credentials: e-mail and API token (Basic) or a personal access
 * token (Bearer). Webhooks: {@code jira:issue_*} events, signed in {@code X-Hub-Signature}.
 */
public final class JiraIssues implements IssueTracker {
    private static final Pattern PROJECT = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");
    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,9}");
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT);
    private static final DateTimeFormatter JQL_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm", Locale.ROOT);
    /** JQL compares in the account's time zone; widening by the largest offset misses nothing. */
    private static final Duration ZONE_MARGIN = Duration.ofHours(14);
    private static final Set<String> UNRESOLVED = Set.of("won't do", "won't fix", "duplicate", "cannot reproduce",
            "incomplete", "declined", "rejected");
    private static final int PAGE = 100;
    private static final Map<String, String> HEADERS = Map.of();

    @Override
    public TrackerDescriptor descriptor() {
        return new TrackerDescriptor("jira", "Jira", "X-Hub-Signature");
    }

    @Override
    public void validate(TrackerTarget target) throws InvalidTarget {
        if (!PROJECT.matcher(target.container()).matches()) {
            throw new InvalidTarget("a Jira project key is upper-case letters, digits and underscores");
        }
        String version = target.option("api-version").orElse("3");
        if (!version.equals("2") && !version.equals("3")) {
            throw new InvalidTarget("api-version is 2 or 3");
        }
        String type = target.option("issue-type").orElse("Bug");
        if (type.length() > 60 || type.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidTarget("issue-type is a name of at most 60 characters");
        }
        for (String option : target.options().keySet()) {
            if (!option.equals("api-version") && !option.equals("issue-type")) {
                throw new InvalidTarget("unknown Jira option " + option);
            }
        }
    }

    @Override
    public String check(TrackerHttp http, TrackerTarget target) throws TrackerCallFailed {
        JsonNode myself = http.get(api(target, "/myself"), target.credential(), HEADERS);
        JsonNode project = http.get(api(target, "/project/" + target.container()), target.credential(), HEADERS);
        String who = myself.path("displayName").asText(myself.path("name").asText("?")).replaceAll("\\p{Cntrl}", "");
        return "Jira account " + who + ", project " + project.path("key").asText(target.container()).replaceAll("\\p{Cntrl}", "");
    }

    @Override
    public ExternalIssue create(TrackerHttp http, TrackerTarget target, IssueDraft draft) throws TrackerCallFailed {
        ObjectNode body = TrackerHttp.object();
        ObjectNode fields = body.putObject("fields");
        fields.putObject("project").put("key", target.container());
        fields.put("summary", draft.title());
        fields.set("description", JiraText.render(draft.description(), v3(target)));
        fields.putObject("issuetype").put("name", target.option("issue-type").orElse("Bug"));
        draft.labels().forEach(fields.putArray("labels")::add);
        JsonNode created = http.post(api(target, "/issue"), target.credential(), HEADERS, body);
        String key = created.path("key").asText("");
        if (!KEY.matcher(key).matches()) {
            throw bad(target, "a created issue without a valid key");
        }
        return new ExternalIssue(key, browse(target, key), ExternalState.OPEN, Optional.empty());
    }

    @Override
    public void comment(TrackerHttp http, TrackerTarget target, String issueKey, IssueText text) throws TrackerCallFailed {
        ObjectNode body = TrackerHttp.object();
        body.set("body", JiraText.render(text, v3(target)));
        http.post(api(target, "/issue/" + key(issueKey) + "/comment"), target.credential(), HEADERS, body);
    }

    @Override
    public ExternalIssue read(TrackerHttp http, TrackerTarget target, String issueKey) throws TrackerCallFailed {
        return issue(target, http.get(api(target, "/issue/" + key(issueKey) + "?fields=status,resolution,updated"),
                target.credential(), HEADERS));
    }

    @Override
    public ChangedIssues changedSince(TrackerHttp http, TrackerTarget target, Instant since, int limit)
            throws TrackerCallFailed {
        String jql = "project = \"" + target.container() + "\" AND labels = \"gatehouse\" AND updated >= \""
                + JQL_TIME.format(since.minus(ZONE_MARGIN).atOffset(ZoneOffset.UTC)) + "\" ORDER BY updated ASC";
        String common = "?jql=" + Paths.query(jql) + "&fields=status,resolution,updated&maxResults=" + PAGE;
        List<ExternalIssue> issues = new ArrayList<>();
        String token = null;
        for (int page = 0; page <= limit / PAGE; page++) {
            JsonNode result = v3(target)
                    ? http.get(api(target, "/search/jql" + common + (token == null ? "" : "&nextPageToken=" + Paths.query(token))),
                            target.credential(), HEADERS)
                    : http.get(api(target, "/search" + common + "&startAt=" + page * PAGE), target.credential(), HEADERS);
            JsonNode list = result.path("issues");
            if (!list.isArray()) {
                throw bad(target, "a search result without issues");
            }
            for (JsonNode item : list) {
                if (issues.size() == limit) {
                    return new ChangedIssues(issues, true);
                }
                issues.add(issue(target, item));
            }
            boolean last = v3(target)
                    ? result.path("isLast").asBoolean(true) || !result.path("nextPageToken").isTextual()
                    : list.size() < PAGE || page * PAGE + list.size() >= result.path("total").asInt(0);
            if (last) {
                return new ChangedIssues(issues, false);
            }
            token = result.path("nextPageToken").asText(null);
        }
        return new ChangedIssues(issues, true);
    }

    @Override
    public Optional<ExternalIssue> webhookIssue(TrackerTarget target, WebhookDelivery delivery) throws TrackerCallFailed {
        JsonNode root = TrackerHttp.parse(delivery.body(), "the Jira webhook body");
        String event = root.path("webhookEvent").asText("");
        if (!event.startsWith("jira:issue_") || event.equals("jira:issue_deleted") || !root.path("issue").isObject()) {
            return Optional.empty(); // comments (our own among them), worklogs, deletions, anything else
        }
        JsonNode issue = root.get("issue");
        String project = issue.path("fields").path("project").path("key").asText("");
        String key = issue.path("key").asText("");
        if (!project.isEmpty() ? !project.equals(target.container()) : !key.startsWith(target.container() + "-")) {
            return Optional.empty();
        }
        return Optional.of(issue(target, issue));
    }

    private ExternalIssue issue(TrackerTarget target, JsonNode issue) throws TrackerCallFailed {
        String key = issue.path("key").asText("");
        if (!KEY.matcher(key).matches()) {
            throw bad(target, "an issue without a valid key");
        }
        JsonNode fields = issue.path("fields");
        JsonNode category = fields.path("status").path("statusCategory").path("key");
        if (!category.isTextual()) {
            throw bad(target, "an issue without a status category");
        }
        ExternalState state = ExternalState.OPEN;
        if (category.asText().equals("done")) {
            String resolution = fields.path("resolution").path("name").asText("").toLowerCase(Locale.ROOT);
            state = UNRESOLVED.contains(resolution) ? ExternalState.CLOSED_UNRESOLVED : ExternalState.RESOLVED;
        }
        return new ExternalIssue(key, browse(target, key), state, time(fields.path("updated").asText("")));
    }

    static Optional<Instant> time(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, JIRA_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Paths.instant(text);
        }
    }

    private static boolean v3(TrackerTarget target) {
        return target.option("api-version").orElse("3").equals("3");
    }

    private static URI api(TrackerTarget target, String rest) {
        return URI.create(target.base() + "/rest/api/" + (v3(target) ? "3" : "2") + rest);
    }

    private static URI browse(TrackerTarget target, String key) {
        return URI.create(target.base() + "/browse/" + key);
    }

    private static String key(String key) throws TrackerCallFailed {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new TrackerCallFailed(TrackerCallFailed.Problem.REJECTED, "not a Jira issue key");
        }
        return key;
    }

    private static TrackerCallFailed bad(TrackerTarget target, String what) {
        return new TrackerCallFailed(TrackerCallFailed.Problem.BAD_RESPONSE, "Jira at " + target.baseUrl().getHost()
                + " answered with " + what);
    }
}
