package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the Gatehouse step out of the CI templates of {@code docs/ci} (issue 7) as each CI system would: the GitHub
 * Actions workflow and the GitLab CI file as YAML, the Jenkinsfile's declarative {@code sh} steps and stage
 * environment as text. Checks the step's shape (it calls {@code ci/gatehouse-ci.sh} with the system's own variables,
 * secrets come from the system's secret store) and returns what {@link CiTemplatesIT} runs.
 */
final class CiTemplates {
    static final String SCRIPT = "ci/gatehouse-ci.sh";
    /** The report arguments of the script: {@code SCANNER[:CATEGORY]=FILE}. */
    private static final Pattern REPORT = Pattern.compile("(?<![\\w-])([a-z]+(?::[\\w./-]+)?)=([\\w./-]+)");
    private static final Pattern GITHUB_EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(vars|secrets)\\.([A-Z0-9_]+)\\s*}}");
    private static final Set<String> SECRETS = Set.of("GATEHOUSE_TOKEN", "GATEHOUSE_KEY_ID", "GATEHOUSE_HMAC_KEY");

    /**
     * One CI step that runs the script: the shell the CI system runs it with, its command, the report files it names,
     * and how the system fills the step's environment from what its administrator configured ({@code settings}, by the
     * names the template uses: GitHub variables and secrets, GitLab CI/CD variables, Jenkins global properties and
     * credential ids).
     */
    record Step(String system, List<String> shell, String command, List<String> reports,
            Function<Map<String, String>, Map<String, String>> environment) {
    }

    private CiTemplates() {
    }

    static Path directory() {
        return Path.of(GatehouseServer.property("gatehouse.ci.templates"));
    }

    private static String read(String name) {
        try {
            return Files.readString(directory().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> yaml(String name) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(read(name));
        assertTrue(document instanceof Map, name + " is a YAML mapping");
        return (Map<Object, Object>) document;
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String key, Class<T> type) {
        assertTrue(node instanceof Map, () -> "a mapping around " + key + ": " + node);
        Object value = ((Map<Object, Object>) node).get(key);
        assertTrue(type.isInstance(value), () -> key + " is a " + type.getSimpleName() + ": " + value);
        return (T) value;
    }

    /** The script's call with every variable of the system, and the reports it pushes. */
    private static List<String> call(String system, String command, String... variables) {
        assertTrue(command.contains("sh " + SCRIPT + " "), system + " runs the shared script: " + command);
        for (String option : new String[] {"--commit", "--branch", "--build", "--run-url"}) {
            assertTrue(command.contains(option + " \""), system + " passes " + option + ": " + command);
        }
        for (String variable : variables) {
            assertTrue(command.contains("$" + variable), system + " passes its " + variable + ": " + command);
        }
        List<String> reports = new ArrayList<>();
        Matcher report = REPORT.matcher(command.substring(command.indexOf(SCRIPT)));
        while (report.find()) {
            reports.add(report.group(2));
        }
        assertTrue(reports.contains("target/spotbugsXml.xml"), system + " pushes the SpotBugs report: " + command);
        return reports;
    }

    /** GitHub Actions: the step of {@code jobs.*.steps} whose {@code run} calls the script, and its {@code env}. */
    @SuppressWarnings("unchecked")
    static Step github() {
        Map<Object, Object> workflow = yaml("github-actions.yml");
        // YAML 1.1 (SnakeYAML) reads the key "on" as true; GitHub reads it as the trigger
        assertNotNull(workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE), "on: triggers");
        Map<Object, Object> jobs = at(workflow, "jobs", Map.class);
        List<Map<Object, Object>> found = new ArrayList<>();
        for (Object job : jobs.values()) {
            assertTrue(at(job, "runs-on", String.class).startsWith("ubuntu"), "a Linux runner: " + job);
            for (Object step : at(job, "steps", List.class)) {
                Map<Object, Object> s = (Map<Object, Object>) step;
                assertTrue(s.containsKey("run") ^ s.containsKey("uses"), "a step runs or uses: " + s);
                if (s.get("run") instanceof String run && run.contains(SCRIPT)) {
                    found.add(s);
                }
            }
        }
        assertEquals(1, found.size(), "one step runs the script");
        Map<Object, Object> step = found.get(0);
        String command = (String) step.get("run");
        List<String> reports = call("GitHub Actions", command, "GITHUB_SHA", "GITHUB_REF_NAME", "GITHUB_RUN_ID",
                "GITHUB_SERVER_URL", "GITHUB_REPOSITORY");
        Map<Object, Object> env = at(step, "env", Map.class);
        for (String secret : SECRETS) {
            assertEquals("${{ secrets." + secret + " }}", env.get(secret), secret + " comes from the repository's secrets");
        }
        // a run step without shell: is "bash -e {0}" on Linux runners
        return new Step("GitHub Actions", List.of("bash", "-e", "-c"), command, reports, settings -> {
            Map<String, String> resolved = new LinkedHashMap<>();
            env.forEach((name, value) -> {
                Matcher expression = GITHUB_EXPRESSION.matcher(String.valueOf(value));
                assertTrue(expression.matches(), "the step's env comes from vars or secrets: " + name + "=" + value);
                resolved.put(String.valueOf(name), settings.getOrDefault(expression.group(2), ""));
            });
            return resolved;
        });
    }

    /** GitLab CI: the job whose {@code script} calls the script; the jobs it needs leave the reports as artifacts. */
    @SuppressWarnings("unchecked")
    static Step gitlab() {
        Map<Object, Object> pipeline = yaml("gitlab-ci.yml");
        List<Object> stages = at(pipeline, "stages", List.class);
        Map<Object, Object> job = null;
        String command = null;
        for (Map.Entry<Object, Object> entry : pipeline.entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> candidate && candidate.containsKey("script")) {
                assertTrue(stages.contains(candidate.get("stage")), "job " + entry.getKey() + " is in a declared stage");
                for (Object line : at(candidate, "script", List.class)) {
                    if (String.valueOf(line).contains(SCRIPT)) {
                        job = (Map<Object, Object>) candidate;
                        command = String.valueOf(line).strip();
                    }
                }
            }
        }
        assertNotNull(job, "a job runs the script");
        List<String> reports = call("GitLab CI", command, "CI_COMMIT_SHA", "CI_COMMIT_REF_NAME", "CI_PIPELINE_ID",
                "CI_PIPELINE_URL");
        Set<String> artifacts = new HashSet<>();
        for (Object needed : at(job, "needs", List.class)) {
            Object paths = at(at(pipeline, String.valueOf(needed), Map.class), "artifacts", Map.class).get("paths");
            artifacts.addAll((List<String>) paths);
        }
        assertTrue(artifacts.containsAll(reports), "the needed jobs leave every report as an artifact: " + artifacts);
        // the runner's shell runs the script lines with errexit; every CI/CD variable is in the environment
        return new Step("GitLab CI", List.of("sh", "-e", "-c"), command, reports, Map::copyOf);
    }

    /** Jenkins: the declarative stage whose {@code sh} step calls the script, with its {@code credentials()} bindings. */
    static Step jenkins() {
        String jenkinsfile = read("Jenkinsfile");
        String code = jenkinsfile.replaceAll("(?m)^\\s*//.*$", "");
        assertTrue(code.strip().startsWith("pipeline {"), "a declarative pipeline");
        assertTrue(code.contains("agent ") && code.contains("stages {"), "agent and stages");
        assertEquals(code.chars().filter(c -> c == '{').count(), code.chars().filter(c -> c == '}').count(), "balanced");
        assertTrue(code.lines().noneMatch(l -> l.contains(";")), "declarative statements stand on lines of their own");
        Matcher stage = Pattern.compile("stage\\('([^']+)'\\)\\s*\\{(.*?)\\n    }", Pattern.DOTALL).matcher(code);
        String command = null;
        Map<String, String> credentials = new LinkedHashMap<>();
        while (stage.find()) {
            Matcher sh = Pattern.compile("sh\\s+'''(.*?)'''|sh\\s+'([^']*)'", Pattern.DOTALL).matcher(stage.group(2));
            while (sh.find()) {
                // Groovy drops a backslash-newline in a ''' string, as the shell would; no other escapes are used
                String script = (sh.group(1) != null ? sh.group(1) : sh.group(2)).replace("\\\n", "");
                if (script.contains(SCRIPT)) {
                    command = script;
                    Matcher bound = Pattern.compile("(\\w+)\\s*=\\s*credentials\\('([^']+)'\\)").matcher(stage.group(2));
                    while (bound.find()) {
                        credentials.put(bound.group(1), bound.group(2));
                    }
                }
            }
        }
        assertNotNull(command, "a stage's sh step runs the script");
        List<String> reports = call("Jenkins", command, "GIT_COMMIT", "BRANCH_NAME", "BUILD_ID", "BUILD_URL");
        assertEquals(SECRETS, credentials.keySet(), "the stage binds the token and its signing key from credentials");
        // the sh step runs "sh -xe"; global properties are in the environment, credentials bound by their id
        return new Step("Jenkins", List.of("sh", "-xe", "-c"), command, reports, settings -> {
            Map<String, String> env = new LinkedHashMap<>(settings);
            credentials.forEach((name, id) -> env.put(name, settings.getOrDefault("credentials:" + id, "")));
            env.keySet().removeIf(name -> name.startsWith("credentials:"));
            return env;
        });
    }
}
