package org.gatehouse.findings.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * An SPDX licence expression (SPDX 2.3 annex D) judged against a policy: {@code OR} offers a choice,
 * so the better alternative counts; {@code AND} requires both, so the worse counts; {@code AND} binds
 * tighter than {@code OR}; {@code X WITH exception} is judged as {@code X} (an exception only adds
 * permissions); {@code X+} as {@code X}. A malformed expression has no verdict of its own.
 */
final class SpdxExpression {
    private static final int MAX_TOKENS = 200;
    private final List<String> tokens;
    private final Function<String, LicenceVerdict> ofId;
    private int next;

    private SpdxExpression(List<String> tokens, Function<String, LicenceVerdict> ofId) {
        this.tokens = tokens;
        this.ofId = ofId;
    }

    /** The verdict of the expression, or empty when it is not a well-formed SPDX expression. */
    static Optional<LicenceVerdict> judge(String expression, Function<String, LicenceVerdict> ofId) {
        List<String> tokens = tokens(expression);
        if (tokens.isEmpty() || tokens.size() > MAX_TOKENS) {
            return Optional.empty();
        }
        SpdxExpression parser = new SpdxExpression(tokens, ofId);
        Optional<LicenceVerdict> verdict = parser.or();
        return parser.next == tokens.size() ? verdict : Optional.empty();
    }

    private static List<String> tokens(String expression) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : expression.toCharArray()) {
            if (c == '(' || c == ')' || Character.isWhitespace(c)) {
                if (word.length() > 0) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    tokens.add(String.valueOf(c));
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            tokens.add(word.toString());
        }
        return tokens;
    }

    private Optional<LicenceVerdict> or() {
        Optional<LicenceVerdict> left = and();
        while (left.isPresent() && is("OR")) {
            next++;
            Optional<LicenceVerdict> right = and();
            left = right.isEmpty() ? right : Optional.of(LicenceVerdict.better(left.get(), right.get()));
        }
        return left;
    }

    private Optional<LicenceVerdict> and() {
        Optional<LicenceVerdict> left = with();
        while (left.isPresent() && is("AND")) {
            next++;
            Optional<LicenceVerdict> right = with();
            left = right.isEmpty() ? right : Optional.of(LicenceVerdict.worse(left.get(), right.get()));
        }
        return left;
    }

    private Optional<LicenceVerdict> with() {
        Optional<LicenceVerdict> licence = primary();
        if (licence.isPresent() && is("WITH")) {
            next++;
            if (next >= tokens.size() || operatorOrParen(tokens.get(next))) {
                return Optional.empty();
            }
            next++; // the exception's id
        }
        return licence;
    }

    private Optional<LicenceVerdict> primary() {
        if (next >= tokens.size()) {
            return Optional.empty();
        }
        String token = tokens.get(next++);
        if (token.equals("(")) {
            Optional<LicenceVerdict> inner = or();
            if (inner.isEmpty() || next >= tokens.size() || !tokens.get(next).equals(")")) {
                return Optional.empty();
            }
            next++;
            return inner;
        }
        if (operatorOrParen(token)) {
            return Optional.empty();
        }
        String id = token.endsWith("+") && token.length() > 1 ? token.substring(0, token.length() - 1) : token;
        return Optional.of(ofId.apply(id));
    }

    private boolean is(String operator) {
        return next < tokens.size() && tokens.get(next).toUpperCase(Locale.ROOT).equals(operator);
    }

    private static boolean operatorOrParen(String token) {
        String upper = token.toUpperCase(Locale.ROOT);
        return upper.equals("AND") || upper.equals("OR") || upper.equals("WITH") || token.equals("(") || token.equals(")");
    }
}
