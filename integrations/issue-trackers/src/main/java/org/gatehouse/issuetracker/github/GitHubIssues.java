package org.gatehouse.issuetracker.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.gatehouse.issuetracker.api.TrackerCredential;
import org.gatehouse.issuetracker.api.TrackerDescriptor;
import org.gatehouse.issuetracker.api.TrackerHttp;
import org.gatehouse.issuetracker.api.TrackerTarget;
import org.gatehouse.issuetracker.api.WebhookDelivery;

/**
 * GitHub Issues over the REST API ({@code https://api.github.com}, or {@code https://HOST/api/v3}
 * for GitHub Enterprise Server): a token as {@code Authorization: Bearer}, the API version header
 * {@code X-GitHub-Api-Version: 2022-11-28}; the container is {@code owner/repo}. Webhooks: the
 * {@code issues} event, signed in {@code X-Hub-Signature-256}.
 */
public final class GitHubIssues implements IssueTracker {
    static final String API_VERSION = "2022-11-28";
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}");
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,9}");
    private static final int PAGE = 100;
    private static final Map<String, String> HEADERS = Map.of("Accept", "application/vnd.github+json",
            "X-GitHub-Api-Version", API_VERSION);

    @Override
    public TrackerDescriptor descriptor() {
        return new TrackerDescriptor("github", "GitHub Issues", "X-Hub-Signature-256");
    }

    @Override
    public void validate(TrackerTarget target) throws InvalidTarget {
        String repo = target.container();
        if (!REPO.matcher(repo).matches() || repo.endsWith("/.") || repo.endsWith("/..")) {
            throw new InvalidTarget("a GitHub repository is owner/name");
        }
        if (!(target.credential() instanceof TrackerCredential.Bearer)) {
            throw new InvalidTarget("GitHub takes a token (bearer), not a user and password");
        }
        if (!target.options().isEmpty()) {
            throw new InvalidTarget("GitHub takes no options: " + target.options().keySet());
        }
    }

    @Override
    public String check(TrackerHttp http, TrackerTarget target) throws TrackerCallFailed {
        JsonNode repo = http.get(uri(target, ""), target.credential(), HEADERS);
        if (repo.path("has_issues").isBoolean() && !repo.get("has_issues").asBoolean()) {
            throw new TrackerCallFailed(TrackerCallFailed.Problem.REJECTED, "issues are disabled in " + target.container());
        }
        return "GitHub repository " + text(repo, "full_name", target.container());
    }

    @Override
    public ExternalIssue create(TrackerHttp http, TrackerTarget target, IssueDraft draft) throws TrackerCallFailed {
        ObjectNode body = TrackerHttp.object();
        body.put("title", draft.title());
        body.put("body", Markdown.markdown(draft.description()));
        draft.labels().forEach(body.putArray("labels")::add);
        return issue(target, http.post(uri(target, "/issues"), target.credential(), HEADERS, body));
    }

    @Override
    public void comment(TrackerHttp http, TrackerTarget target, String issueKey, IssueText text) throws TrackerCallFailed {
        ObjectNode body = TrackerHttp.object();
        body.put("body", Markdown.markdown(text));
        http.post(uri(target, "/issues/" + number(issueKey) + "/comments"), target.credential(), HEADERS, body);
    }

    @Override
    public ExternalIssue read(TrackerHttp http, TrackerTarget target, String issueKey) throws TrackerCallFailed {
        return issue(target, http.get(uri(target, "/issues/" + number(issueKey)), target.credential(), HEADERS));
    }

    @Override
    public ChangedIssues changedSince(TrackerHttp http, TrackerTarget target, Instant since, int limit)
            throws TrackerCallFailed {
        List<ExternalIssue> issues = new ArrayList<>();
        for (int page = 1; page <= 1 + limit / PAGE; page++) {
            JsonNode list = http.get(uri(target, "/issues?labels=gatehouse&state=all&sort=updated&direction=asc&since="
                    + Paths.query(since.toString()) + "&per_page=" + PAGE + "&page=" + page), target.credential(), HEADERS);
            if (!list.isArray()) {
                throw bad(target, "the issue list is not a JSON array");
            }
            for (JsonNode item : list) {
                if (item.has("pull_request")) {
                    continue; // GitHub lists pull requests as issues too
                }
                if (issues.size() == limit) {
                    return new ChangedIssues(issues, true);
                }
                issues.add(issue(target, item));
            }
            if (list.size() < PAGE) {
                return new ChangedIssues(issues, false);
            }
        }
        return new ChangedIssues(issues, true);
    }

    @Override
    public Optional<ExternalIssue> webhookIssue(TrackerTarget target, WebhookDelivery delivery) throws TrackerCallFailed {
        String event = delivery.header("X-GitHub-Event").orElse("");
        if (!event.equals("issues")) {
            return Optional.empty(); // ping, issue_comment (our own comments among them), anything else
        }
        JsonNode root = TrackerHttp.parse(delivery.body(), "the GitHub webhook body");
        String repo = root.path("repository").path("full_name").asText("");
        if (!repo.equalsIgnoreCase(target.container()) || !root.path("issue").isObject()) {
            return Optional.empty();
        }
        return Optional.of(issue(target, root.get("issue")));
    }

    private ExternalIssue issue(TrackerTarget target, JsonNode issue) throws TrackerCallFailed {
        JsonNode number = issue.path("number");
        if (!number.canConvertToInt() || number.asInt() <= 0 || !number.isIntegralNumber()) {
            throw bad(target, "an issue without a number");
        }
        String key = Integer.toString(number.asInt());
        URI fallback = URI.create("https://github.com/" + target.container() + "/issues/" + key);
        URI url = Paths.webUrl(issue.path("html_url").asText(""), fallback);
        String state = issue.path("state").asText("");
        ExternalState external = switch (state) {
            case "open" -> ExternalState.OPEN;
            case "closed" -> switch (issue.path("state_reason").asText("completed")) {
                case "not_planned", "duplicate" -> ExternalState.CLOSED_UNRESOLVED;
                default -> ExternalState.RESOLVED;
            };
            default -> throw bad(target, "an issue in an unknown state");
        };
        return new ExternalIssue(key, url, external, Paths.instant(issue.path("updated_at").asText("")));
    }

    private static String number(String key) throws TrackerCallFailed {
        if (key == null || !NUMBER.matcher(key).matches()) {
            throw new TrackerCallFailed(TrackerCallFailed.Problem.REJECTED, "not a GitHub issue number");
        }
        return key;
    }

    private static URI uri(TrackerTarget target, String rest) {
        return URI.create(target.base() + "/repos/" + target.container() + rest);
    }

    private static String text(JsonNode node, String field, String fallback) {
        String value = node.path(field).asText("");
        return value.isBlank() ? fallback : value.replaceAll("\\p{Cntrl}", "");
    }

    private static TrackerCallFailed bad(TrackerTarget target, String what) {
        return new TrackerCallFailed(TrackerCallFailed.Problem.BAD_RESPONSE, "GitHub at " + target.baseUrl().getHost()
                + " answered with " + what);
    }
}
