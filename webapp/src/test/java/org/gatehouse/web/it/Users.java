package org.gatehouse.web.it;

import java.util.Optional;

/**
 * Accounts for tests, made through the real API by the administrator: each with a role (globally
 * or in a project) and its first password already changed, so it is ready to work.
 */
public final class Users {
    public static final String ADMIN_INITIAL_PASSWORD = "Initial-Gatekeeper-2026";
    public static final String PASSWORD = "Tested-Password-2026";

    private final Api admin;
    private Api personnelAdmin;

    Users(Api admin) {
        this.admin = admin;
    }

    /** The administrator's session. */
    public Api admin() {
        return admin;
    }

    /** A new person with one global role. */
    public Api withGlobalRole(String role) {
        return create(role, Optional.empty());
    }

    /** A new person with one role in one project. */
    public Api withProjectRole(String role, String project) {
        return create(role, Optional.of(project));
    }

    /** A new person without any role. */
    public Api withoutRoles() {
        return create(null, Optional.empty());
    }

    /** Creates an account with a known one-time password and returns its login name (not logged in). */
    public String createAccount(String prefix, String initialPassword) {
        String login = (prefix + Fixtures.uniqueKey("")).toLowerCase();
        Api.Reply created = admin.post("/api/v1/accounts", "{\"login\":\"" + login + "\",\"displayName\":\"Test " + login
                + "\",\"initialPassword\":\"" + initialPassword + "\"}");
        if (created.status() != 201) {
            throw new AssertionError("could not create account: " + created);
        }
        return login;
    }

    public void grant(String login, String role, Optional<String> project) {
        String body = "{\"role\":\"" + role + "\"" + project.map(p -> ",\"project\":\"" + p + "\"").orElse("") + "}";
        Api.Reply granted = admin.post("/api/v1/accounts/" + login + "/roles", body);
        if (granted.status() == 409 && granted.json().path("type").asText().endsWith(":vetting-required")) {
            // C.1: a developer, tester or reviewer on a level 2 or 3 project is vetted first
            vet(login);
            granted = admin.post("/api/v1/accounts/" + login + "/roles", body);
        }
        if (granted.status() != 201) {
            throw new AssertionError("could not grant " + role + ": " + granted);
        }
    }

    /**
     * C.1: records what every protection level requires of a person (a passed background check, a
     * confidentiality agreement and both trainings, in force for a year from yesterday, UTC), as a
     * security administrator of its own.
     */
    public void vet(String login) {
        Api personnelAdmin = personnelAdmin();
        String from = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
        String until = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusYears(1).toString();
        String base = "/api/v1/people/" + login;
        expect(personnelAdmin.put(base + "/background-check", "{\"status\":\"PASSED\",\"checkedOn\":\"" + from
                + "\",\"checkedBy\":\"Vetting agency (tests)\"}"), 200);
        expect(personnelAdmin.put(base + "/confidentiality-agreement", "{\"signedOn\":\"" + from + "\",\"expiresOn\":\""
                + until + "\",\"documentSha256\":\"" + "ab".repeat(32) + "\"}"), 200);
        expect(personnelAdmin.post(base + "/trainings", "{\"course\":\"Security awareness\",\"kind\":\"SECURITY_AWARENESS\","
                + "\"completedOn\":\"" + from + "\",\"expiresOn\":\"" + until + "\"}"), 201);
        expect(personnelAdmin.post(base + "/trainings", "{\"course\":\"Secure coding in Java\",\"kind\":\"SECURE_CODING\","
                + "\"language\":\"java\",\"completedOn\":\"" + from + "\",\"expiresOn\":\"" + until + "\"}"), 201);
    }

    /** A security administrator of these tests, who keeps the personnel register (C.1). */
    public synchronized Api personnelAdmin() {
        if (personnelAdmin == null) {
            String login = createAccount("sec", "First-Password-2026x");
            grant(login, "SECURITY_ADMINISTRATOR", Optional.empty());
            personnelAdmin = firstLogin(new Api(admin.base()), login, "First-Password-2026x", PASSWORD);
        }
        return personnelAdmin;
    }

    private static void expect(Api.Reply reply, int status) {
        if (reply.status() != status) {
            throw new AssertionError("could not vet: " + reply);
        }
    }

    private Api create(String role, Optional<String> project) {
        String login = createAccount("u", "First-Password-2026x");
        if (role != null) {
            grant(login, role, project);
        }
        return firstLogin(new Api(admin.base()), login, "First-Password-2026x", PASSWORD);
    }

    /** Logs in with the one-time password, changes it, and logs in again with the new one. */
    static Api firstLogin(Api anonymous, String login, String oneTime, String chosen) {
        Api first = anonymous.login(login, oneTime);
        Api.Reply changed = first.put("/api/v1/session/password",
                "{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"" + chosen + "\"}");
        if (changed.status() != 204) {
            throw new AssertionError("could not change the first password of " + login + ": " + changed);
        }
        return anonymous.login(login, chosen);
    }
}
