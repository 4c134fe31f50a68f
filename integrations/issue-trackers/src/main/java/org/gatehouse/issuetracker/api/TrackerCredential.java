package org.gatehouse.issuetracker.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How Gatehouse authenticates at a tracker. Never printed: {@link #toString()} hides the secret. */
public sealed interface TrackerCredential {

    /** The value of the {@code Authorization} header. */
    String authorization();

    /** Jira Cloud: the account's e-mail address and an API token (HTTP Basic). */
    record Basic(String user, String token) implements TrackerCredential {
        public Basic {
            if (user == null || user.isBlank() || token == null || token.isBlank()) {
                throw new IllegalArgumentException("basic credentials need a user and a token");
            }
        }

        @Override
        public String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Basic[" + user + ", ****]";
        }
    }

    /** A bearer token: a GitHub token or a Jira Data Center personal access token. */
    record Bearer(String token) implements TrackerCredential {
        public Bearer {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("a bearer credential needs a token");
            }
        }

        @Override
        public String authorization() {
            return "Bearer " + token;
        }

        @Override
        public String toString() {
            return "Bearer[****]";
        }
    }
}
