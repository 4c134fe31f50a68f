package org.gatehouse.scanner.zapdriver;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Masks secrets (the API key, an authentication token) in any text before it is logged or returned. */
record Redactor(List<String> secrets) {

    Redactor {
        List<String> forms = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                forms.add(secret);
                forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
                // credentials are encoded into ZAP's config parameters, which are encoded again as a parameter
                forms.add(URLEncoder.encode(URLEncoder.encode(secret, StandardCharsets.UTF_8), StandardCharsets.UTF_8));
            }
        }
        forms.sort((a, b) -> b.length() - a.length());
        secrets = List.copyOf(forms);
    }

    static Redactor of(String... secrets) {
        return new Redactor(List.of(secrets));
    }

    String apply(String text) {
        if (text == null) {
            return "";
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, ApiKey.MASK);
        }
        return masked;
    }

    @Override
    public String toString() {
        return "Redactor[" + secrets.size() + " secrets]";
    }
}
