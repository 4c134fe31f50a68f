package org.gatehouse.web.it;

import static org.gatehouse.web.it.ProjectsIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Login, first-password change, lockout, throttling, enumeration, fixation, CSRF, logout (B.1.3.2, B.2.4.1). */
@ExtendWith(GatehouseServer.class)
class LoginIT {
    private static final String ONE_TIME = "One-Time-Pass-2026";

    private static String login(String name, String password) {
        return "{\"login\":\"" + name + "\",\"password\":\"" + password + "\"}";
    }

    @Test
    void firstLoginMustChangeThePasswordBeforeAnythingElse(Users users) {
        String name = users.createAccount("first", ONE_TIME);
        Api session = new Api(users.admin().base()).login(name, ONE_TIME);
        assertTrue(session.get("/api/v1/session").json().get("mustChangePassword").asBoolean());
        assertProblem(session.get("/api/v1/projects"), 403, "password-change-required");

        Api.Reply weak = session.put("/api/v1/session/password",
                "{\"currentPassword\":\"" + ONE_TIME + "\",\"newPassword\":\"short1A\"}");
        assertProblem(weak, 400, "weak-password");
        Api.Reply wrong = session.put("/api/v1/session/password",
                "{\"currentPassword\":\"Not-The-Password-1\",\"newPassword\":\"Brand-New-Pass-2026\"}");
        assertProblem(wrong, 400, "bad-request");

        Api.Reply changed = session.put("/api/v1/session/password",
                "{\"currentPassword\":\"" + ONE_TIME + "\",\"newPassword\":\"Brand-New-Pass-2026\"}");
        assertEquals(204, changed.status(), changed::toString);
        assertFalse(session.get("/api/v1/session").json().get("mustChangePassword").asBoolean());
        assertEquals(200, session.get("/api/v1/projects").status());
    }

    @Test
    void aSuccessfulLoginReportsThePreviousLoginAndTheFailuresSince(Users users) {
        String name = users.createAccount("prev", ONE_TIME);
        Api first = Users.firstLogin(new Api(users.admin().base()).from("203.0.113.7"), name, ONE_TIME, Users.PASSWORD);
        assertEquals(200, first.get("/api/v1/session").status());
        Api other = new Api(users.admin().base());
        assertProblem(other.post("/api/v1/session", login(name, "Wrong-Password-1")), 401, "login-failed");
        assertProblem(other.post("/api/v1/session", login(name, "Wrong-Password-2")), 401, "login-failed");

        Api.Reply next = other.post("/api/v1/session", login(name, Users.PASSWORD));
        assertEquals(200, next.status(), next::toString);
        JsonNode previous = next.json().get("previousLogin");
        assertEquals("203.0.113.7", previous.get("address").asText());
        assertFalse(previous.get("at").isNull());
        assertEquals(2, previous.get("failedAttemptsSince").asInt());
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword(Users users) {
        String name = users.createAccount("lock", ONE_TIME);
        Users.firstLogin(new Api(users.admin().base()), name, ONE_TIME, Users.PASSWORD);
        for (int i = 0; i < 5; i++) {
            Api attacker = new Api(users.admin().base());
            assertProblem(attacker.post("/api/v1/session", login(name, "Guess-Number-" + i)), 401, "login-failed");
        }
        Api owner = new Api(users.admin().base());
        Api.Reply locked = owner.post("/api/v1/session", login(name, Users.PASSWORD));
        assertProblem(locked, 401, "login-failed");

        JsonNode account = users.admin().get("/api/v1/accounts/" + name).json();
        assertFalse(account.get("lockedUntil").isNull(), "the administrator sees the lock");
    }

    @Test
    void tooManyFailuresFromOneAddressAreThrottled(Users users) {
        String name = users.createAccount("thr", ONE_TIME);
        Users.firstLogin(new Api(users.admin().base()), name, ONE_TIME, Users.PASSWORD);
        Api from = new Api(users.admin().base());
        for (int i = 0; i < 20; i++) {
            assertProblem(from.post("/api/v1/session", login("nobody" + i, "Wrong-Password-1")), 401, "login-failed");
        }
        Api.Reply throttled = from.post("/api/v1/session", login(name, Users.PASSWORD));
        assertProblem(throttled, 429, "too-many-requests");
        assertEquals(200, new Api(users.admin().base()).post("/api/v1/session", login(name, Users.PASSWORD)).status(),
                "other addresses are not affected");
    }

    @Test
    void unknownNamesAndWrongPasswordsLookAlike(Users users) {
        String name = users.createAccount("enum", ONE_TIME);
        Users.firstLogin(new Api(users.admin().base()), name, ONE_TIME, Users.PASSWORD);
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        String knownBody = null;
        String unknownBody = null;
        for (int i = 0; i < 7; i++) {
            // Fresh addresses: the per-address delay is the same for both kinds of attempt.
            long start = System.nanoTime();
            Api.Reply wrongPassword = new Api(users.admin().base()).post("/api/v1/session", login(name, "Wrong-Pass-" + i));
            known.add(System.nanoTime() - start);
            start = System.nanoTime();
            Api.Reply unknownName = new Api(users.admin().base()).post("/api/v1/session", login("ghost" + name + i, "Wrong-Pass-" + i));
            unknown.add(System.nanoTime() - start);
            assertEquals(wrongPassword.status(), unknownName.status());
            knownBody = wrongPassword.body();
            unknownBody = unknownName.body();
            if (i == 3) {
                // keep the account below the lock threshold
                assertEquals(200, new Api(users.admin().base()).post("/api/v1/session", login(name, Users.PASSWORD)).status());
            }
        }
        assertEquals(knownBody, unknownBody, "identical problem bodies");
        double ratio = median(known) / median(unknown);
        System.out.printf("[it] login failure timing: known name %.1f ms, unknown name %.1f ms (median of 7), ratio %.2f%n",
                median(known) / 1e6, median(unknown) / 1e6, ratio);
        assertTrue(ratio > 0.5 && ratio < 2.0, "similar timing, ratio " + ratio);
    }

    @Test
    void loginIssuesAFreshSessionAndIgnoresAPlantedCookie(Users users) {
        String name = users.createAccount("fix", ONE_TIME);
        Users.firstLogin(new Api(users.admin().base()), name, ONE_TIME, Users.PASSWORD);
        Api.Reply reply = new Api(users.admin().base()).post("/api/v1/session", login(name, Users.PASSWORD),
                "Cookie", "gatehouse_session=planted-by-attacker");
        String setCookie = reply.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("gatehouse_session="))
                .findFirst().orElseThrow();
        assertFalse(setCookie.contains("planted-by-attacker"));
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);

        Api one = new Api(users.admin().base()).login(name, Users.PASSWORD);
        Api two = new Api(users.admin().base()).login(name, Users.PASSWORD);
        assertNotEquals(one.sessionCookie(), two.sessionCookie());
        assertProblem(new Api(users.admin().base()).get("/api/v1/session", "Cookie", "gatehouse_session=planted-by-attacker"),
                401, "unauthenticated");
    }

    @Test
    void behindATlsProxyTheCookieIsSecureAndHstsIsSent(Users users) {
        String name = users.createAccount("tls", ONE_TIME);
        Api.Reply plain = new Api(users.admin().base()).post("/api/v1/session", login(name, ONE_TIME));
        assertFalse(plain.header("Set-Cookie").orElseThrow().contains("Secure"));
        assertTrue(plain.header("Strict-Transport-Security").isEmpty());
        Api.Reply viaTls = new Api(users.admin().base()).post("/api/v1/session", login(name, ONE_TIME),
                "X-Forwarded-Proto", "https");
        assertTrue(viaTls.header("Set-Cookie").orElseThrow().contains("Secure"), viaTls.headers().toString());
        assertTrue(viaTls.header("Strict-Transport-Security").orElseThrow().startsWith("max-age="));
    }

    @Test
    void changesWithACookieNeedTheCsrfToken(Api admin) {
        String body = Fixtures.project(Fixtures.uniqueKey("CSRF"), "csrf", 1);
        assertProblem(admin.withCsrf(null).post("/api/v1/projects", body), 403, "csrf-rejected");
        assertProblem(admin.withCsrf("forged").post("/api/v1/projects", body), 403, "csrf-rejected");
        assertEquals(200, admin.withCsrf(null).get("/api/v1/projects").status(), "reads need no token");
        assertEquals(201, admin.post("/api/v1/projects", body).status());
    }

    @Test
    void logoutEndsTheSessionOnTheServer(Users users) {
        Api session = users.withoutRoles();
        assertEquals(200, session.get("/api/v1/session").status());
        Api.Reply out = session.send("DELETE", "/api/v1/session", null, null);
        assertEquals(204, out.status(), out::toString);
        assertProblem(session.get("/api/v1/session"), 401, "unauthenticated");
    }

    @Test
    void anIdleSessionExpires(Users users, TestDatabase database) {
        Api session = users.withoutRoles();
        assertEquals(200, session.get("/api/v1/session").status());
        database.execute(database.owner(), "UPDATE web_session SET last_seen_at = now() - interval '16 minutes'"
                + " WHERE account_id = (SELECT id FROM account WHERE login = '" + session.loginName() + "')");
        assertProblem(session.get("/api/v1/session"), 401, "unauthenticated");
    }

    @Test
    void aPasswordChangeEndsTheOtherSessions(Users users) {
        Api here = users.withoutRoles();
        Api elsewhere = new Api(here.base()).login(here.loginName(), Users.PASSWORD);
        Api.Reply changed = here.put("/api/v1/session/password",
                "{\"currentPassword\":\"" + Users.PASSWORD + "\",\"newPassword\":\"Another-Pass-2027\"}");
        assertEquals(204, changed.status(), changed::toString);
        assertEquals(200, here.get("/api/v1/session").status(), "the session that changed it goes on");
        assertProblem(elsewhere.get("/api/v1/session"), 401, "unauthenticated");
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
