package org.gatehouse.findings.finding;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The triage decisions that anyone with the triage permission on the project may take. */
public enum TriageAction {
    CONFIRM, MARK_FIXED, REQUEST_FALSE_POSITIVE, REQUEST_RISK_ACCEPTANCE, WITHDRAW_REQUEST;

    /** The action named in an API request ({@code confirm}, {@code mark-fixed}, …). */
    public static TriageAction parse(String text) {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (TriageAction action : values()) {
            if (action.name().equals(name)) {
                return action;
            }
        }
        throw new Unknown(text, Arrays.stream(values()).map(TriageAction::id).collect(Collectors.joining(", ")));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Not a triage action. */
    public static final class Unknown extends DomainException {
        private static final long serialVersionUID = 1L;

        Unknown(String text, String known) {
            super(ProblemType.VALIDATION_FAILED, "finding.unknown-action", String.valueOf(text), known);
        }
    }
}
