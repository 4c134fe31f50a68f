package org.gatehouse.web.it;

import java.security.SecureRandom;

/** Request bodies and unique keys, so that tests sharing one database never collide. */
final class Fixtures {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private Fixtures() {
    }

    static String uniqueKey(String prefix) {
        StringBuilder key = new StringBuilder(prefix);
        while (key.length() < 12) {
            key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return key.toString();
    }

    static String project(String key, String name, int level) {
        return """
                {"key":"%s","name":"%s","description":"Online shop of an SME","protectionLevel":%d,"owner":"alice"}
                """.formatted(key, name, level);
    }

    static String createProject(Api api, String prefix) {
        String key = uniqueKey(prefix);
        Api.Reply reply = api.post("/api/v1/projects", project(key, "Shop " + key, 2));
        if (reply.status() != 201) {
            throw new AssertionError("could not create project: " + reply);
        }
        return key;
    }
}
