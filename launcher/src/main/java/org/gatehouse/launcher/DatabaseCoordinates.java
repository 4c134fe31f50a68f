package org.gatehouse.launcher;

import java.util.Map;

/** Where Gatehouse's PostgreSQL is and how to log in; handed to Payara Micro as environment, never as arguments. */
public record DatabaseCoordinates(String url, String user, String password) {
    public static final String URL_VARIABLE = "GATEHOUSE_DB_URL";
    public static final String USER_VARIABLE = "GATEHOUSE_DB_USER";
    public static final String PASSWORD_VARIABLE = "GATEHOUSE_DB_PASSWORD";

    /** The environment that MicroProfile Config maps to {@code gatehouse.db.url}, {@code .user}, {@code .password}. */
    public Map<String, String> asEnvironment() {
        return Map.of(URL_VARIABLE, url, USER_VARIABLE, user, PASSWORD_VARIABLE, password == null ? "" : password);
    }

    @Override
    public String toString() {
        return "DatabaseCoordinates[url=" + url + ", user=" + user + ", password=***]";
    }
}
