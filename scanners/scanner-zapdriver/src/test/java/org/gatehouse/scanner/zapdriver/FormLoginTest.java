package org.gatehouse.scanner.zapdriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Form login settings: checked before anything goes to ZAP, and never shown with the credentials. */
class FormLoginTest {
    private static final URI LOGIN = URI.create("https://shop.test/login");

    @Test
    void masksTheCredentialsAndEncodesZapsParameters() {
        Authentication.FormLogin login = new Authentication.FormLogin(LOGIN, "u={%username%}&p={%password%}",
                Secrets.USER, Secrets.PASSWORD, Optional.of("Logout"), Optional.of(" "));
        Secrets.assertNone(login.toString());
        assertEquals(Optional.empty(), login.loggedOutIndicator(), "a blank indicator is none");
        assertEquals("loginUrl=https%3A%2F%2Fshop.test%2Flogin&loginRequestData=u%3D%7B%25username%25%7D%26p%3D"
                + "%7B%25password%25%7D", login.methodParameters());
        assertEquals("username=alice%40shop.test&password=pa+ss%26w%3DS3CRET%25d", login.credentialParameters());
        assertEquals(3, login.secrets().size());
        assertEquals(2, new Authentication.FormLogin(LOGIN, "u={%username%}&p={%password%}", "bob", "pw",
                Optional.of("Logout"), Optional.empty()).secrets().size(), "a short user name is not masked everywhere");
    }

    @Test
    void refusesWhatZapCouldNotUse() {
        String data = "u={%username%}&p={%password%}";
        Optional<String> in = Optional.of("Logout");
        assertThrows(IllegalArgumentException.class, () -> new Authentication.FormLogin(URI.create("ftp://shop.test/"),
                data, "u", "p", in, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Authentication.FormLogin(LOGIN, "u={%username%}", "u", "p",
                in, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Authentication.FormLogin(LOGIN, data, "u", "p\r\nX: y",
                in, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Authentication.FormLogin(LOGIN, data, " ", "p", in,
                Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Authentication.FormLogin(LOGIN, data, "u", "p",
                Optional.empty(), Optional.empty()), "without an indicator ZAP cannot tell a failed login");
        assertThrows(IllegalArgumentException.class, () -> new Authentication.FormLogin(LOGIN, data, "u", "p",
                Optional.of("(unclosed"), Optional.empty()));
    }
}
