package org.gatehouse.scanner.core.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets check of one file (C.2, 8.5.2), line by line in bounded memory: the credential patterns
 * per line; PEM blocks collected from their BEGIN to their END line (also inside one line with escaped
 * {@code \n}, as in JSON fixtures) and fingerprinted against the registered production keys; and
 * candidate strings of a registered secret's length compared by keyed hash. A hit names the rule, the
 * line and the registered key, never the text that matched.
 */
final class FileScan {
    /** A PEM block longer than this many lines is not collected (a real key or certificate is far shorter). */
    static final int MAX_PEM_LINES = 400;
    /** At most this many hits per file: the rest of a file full of them adds nothing to fix. */
    static final int MAX_HITS_PER_FILE = 100;
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]{1,40})-----");
    private static final Pattern DELIMITERS = Pattern.compile("[\\s\"'`,;()\\[\\]{}<>|\\\\]+");

    /** One place where a credential is. */
    record Hit(CredentialRule rule, int line, Optional<KnownKeys.Match> key) {
    }

    private final KnownKeys keys;
    private final Consumer<Hit> sink;
    private final Set<String> reported = new LinkedHashSet<>();
    private int hits;
    private String pemType;
    private int pemLine;
    private StringBuilder pemBody;

    private FileScan(KnownKeys keys, Consumer<Hit> sink) {
        this.keys = keys;
        this.sink = sink;
    }

    static void scan(InputStream in, KnownKeys keys, Consumer<Hit> sink) throws IOException {
        FileScan scan = new FileScan(keys, sink);
        BoundedLines.read(in, scan::line);
    }

    private void line(int number, String text) {
        if (text.indexOf("-----") >= 0 && text.contains("\\n")) {
            for (String part : text.split("\\\\n", 1000)) {
                oneLine(number, part);
            }
        } else {
            oneLine(number, text);
        }
    }

    private void oneLine(int number, String text) {
        for (CredentialRule rule : CredentialRule.values()) {
            if (rule.matches(text)) {
                hit(new Hit(rule, number, Optional.empty()));
            }
        }
        pem(number, text);
        if (!keys.secretLengths().isEmpty()) {
            candidates(number, text);
        }
    }

    private void pem(int number, String text) {
        if (pemBody == null) {
            if (text.indexOf("-----BEGIN ") < 0) {
                return;
            }
            Matcher begin = BEGIN.matcher(text);
            if (begin.find()) {
                pemType = begin.group(1);
                pemLine = number;
                pemBody = new StringBuilder();
                String rest = text.substring(begin.end());
                int end = rest.indexOf("-----END ");
                if (end >= 0) {
                    // a whole block on one line
                    pemBody.append(rest, 0, end);
                    finishPem();
                } else {
                    pemBody.append(rest.strip());
                }
            }
            return;
        }
        int end = text.indexOf("-----END ");
        if (end >= 0) {
            pemBody.append(text, 0, end);
            finishPem();
        } else if (number - pemLine > MAX_PEM_LINES || pemBody.length() + text.length() > KeyFingerprints.MAX_PEM_CHARS) {
            pemBody = null; // not a key: too long
        } else {
            pemBody.append(text.strip());
        }
    }

    private void finishPem() {
        String body = pemBody.toString();
        pemBody = null;
        KeyFingerprints.of(pemType, body).flatMap(keys::byPublicKey)
                .ifPresent(match -> hit(new Hit(CredentialRule.REGISTERED_KEY, pemLine, Optional.of(match))));
    }

    private void candidates(int number, String text) {
        Set<Integer> lengths = keys.secretLengths();
        for (String token : DELIMITERS.split(text)) {
            candidate(number, token, lengths);
            int assignment = indexOfAssignment(token);
            if (assignment >= 0) {
                candidate(number, token.substring(assignment + 1), lengths);
            }
        }
    }

    private static int indexOfAssignment(String token) {
        int equals = token.indexOf('=');
        int colon = token.indexOf(':');
        return equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
    }

    private void candidate(int number, String token, Set<Integer> lengths) {
        if (!token.isEmpty() && lengths.contains(token.length())) {
            keys.bySecret(token).ifPresent(match -> hit(new Hit(CredentialRule.REGISTERED_SECRET, number,
                    Optional.of(match))));
        }
    }

    private void hit(Hit hit) {
        // one hit per rule, key and line: a line matching twice is one place to fix
        String key = hit.rule() + "/" + hit.key().map(KnownKeys.Match::id).orElse("") + "/" + hit.line();
        if (hits < MAX_HITS_PER_FILE && reported.add(key)) {
            hits++;
            sink.accept(hit);
        }
    }
}
