package org.gatehouse.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where Gatehouse's PostgreSQL is and how to log in; handed to Payara Micro as environment, never
 * as arguments. The application role ({@code user}) may only read and write rows; the owner role
 * runs the Flyway migrations and owns the tables, so the application cannot disable the audit
 * trail's triggers (B.2.4.3-ke). Without a separate owner the application role runs migrations too.
 */
public record DatabaseCoordinates(String url, String user, String password, String ownerUser, String ownerPassword) {
    public static final String URL_VARIABLE = "GATEHOUSE_DB_URL";
    public static final String USER_VARIABLE = "GATEHOUSE_DB_USER";
    public static final String PASSWORD_VARIABLE = "GATEHOUSE_DB_PASSWORD";
    public static final String OWNER_USER_VARIABLE = "GATEHOUSE_DB_OWNER_USER";
    public static final String OWNER_PASSWORD_VARIABLE = "GATEHOUSE_DB_OWNER_PASSWORD";

    /** One role for everything (an external database set up with a single user). */
    public DatabaseCoordinates(String url, String user, String password) {
        this(url, user, password, user, password);
    }

    /** The environment that MicroProfile Config maps to {@code gatehouse.db.url}, {@code .user}, … */
    public Map<String, String> asEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(URL_VARIABLE, url);
        env.put(USER_VARIABLE, user);
        env.put(PASSWORD_VARIABLE, password == null ? "" : password);
        env.put(OWNER_USER_VARIABLE, ownerUser);
        env.put(OWNER_PASSWORD_VARIABLE, ownerPassword == null ? "" : ownerPassword);
        return env;
    }

    @Override
    public String toString() {
        return "DatabaseCoordinates[url=" + url + ", user=" + user + ", owner=" + ownerUser + ", passwords=***]";
    }
}
