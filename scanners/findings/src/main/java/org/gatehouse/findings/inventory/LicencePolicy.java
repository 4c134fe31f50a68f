package org.gatehouse.findings.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.scanner.api.ReportedComponent;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.ReportedLicence;

/**
 * A project's licence policy (C.4: only licensed software is used): an allow list and a deny list of
 * licences — SPDX ids, {@code LicenseRef-…}, or licence names as tools write them, compared without
 * regard to case — and what happens to unknown licences. A licence on the deny list is denied; with
 * a non-empty allow list, a known licence not on it is "not listed"; with an empty allow list every
 * licence not denied is allowed. A licence given by a name on neither list, a component without a
 * licence and an unreadable expression are unknown. Expressions are judged by {@link SpdxExpression}.
 * The policy is applied by the core when a bill is imported (ADR 0020); the plugin never sees it.
 */
public record LicencePolicy(List<String> allowed, List<String> denied, UnknownLicences unknown) {
    public static final int MAX_ENTRIES = 500;
    private static final Pattern ENTRY = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} .,:;/()+_-]{0,199}");
    /** No policy stored: nothing listed, unknown licences are findings. */
    public static final LicencePolicy DEFAULT = new LicencePolicy(List.of(), List.of(), UnknownLicences.FINDING);

    public LicencePolicy {
        allowed = distinct(allowed);
        denied = distinct(denied);
        if (unknown == null) {
            throw new Invalid("licence-policy.unknown-rule");
        }
        if (allowed.size() > MAX_ENTRIES || denied.size() > MAX_ENTRIES) {
            throw new Invalid("licence-policy.too-many", MAX_ENTRIES);
        }
        for (String entry : allowed) {
            check(entry);
        }
        for (String entry : denied) {
            check(entry);
        }
        Set<String> both = folded(allowed);
        both.retainAll(folded(denied));
        if (!both.isEmpty()) {
            throw new Invalid("licence-policy.both-lists", String.join(", ", both));
        }
    }

    /** The verdict on one licence of a component. */
    public LicenceVerdict verdict(ReportedLicence licence) {
        return switch (licence.kind()) {
            case NONE -> LicenceVerdict.UNKNOWN;
            case ID -> ofId(licence.value());
            case NAME -> listed(licence.value()) ? ofId(licence.value()) : LicenceVerdict.UNKNOWN;
            case EXPRESSION -> SpdxExpression.judge(licence.value(), this::ofId).orElse(LicenceVerdict.UNKNOWN);
        };
    }

    /** Whether a verdict files a finding under this policy. */
    public boolean reports(LicenceVerdict verdict) {
        return verdict != LicenceVerdict.ALLOWED && (verdict != LicenceVerdict.UNKNOWN || unknown == UnknownLicences.FINDING);
    }

    /** The findings a component files: one per licence the policy does not accept. */
    public List<ReportedFinding> findings(ReportedComponent component) {
        List<ReportedFinding> findings = new ArrayList<>();
        for (ReportedLicence licence : new LinkedHashSet<>(component.licencesOrNone())) {
            LicenceVerdict verdict = verdict(licence);
            if (reports(verdict)) {
                findings.add(component.licenceFinding(licence, verdict.severity().orElseThrow(), verdict.label()));
            }
        }
        return findings;
    }

    /** The worst verdict over a component's licences (what the inventory shows per component). */
    public LicenceVerdict verdict(ReportedComponent component) {
        LicenceVerdict worst = LicenceVerdict.ALLOWED;
        for (ReportedLicence licence : component.licencesOrNone()) {
            worst = LicenceVerdict.worse(worst, verdict(licence));
        }
        return worst;
    }

    private LicenceVerdict ofId(String id) {
        String folded = id.toLowerCase(Locale.ROOT);
        if (denied.stream().anyMatch(d -> d.toLowerCase(Locale.ROOT).equals(folded))) {
            return LicenceVerdict.DENIED;
        }
        if (allowed.isEmpty() || allowed.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(folded))) {
            return LicenceVerdict.ALLOWED;
        }
        return LicenceVerdict.NOT_LISTED;
    }

    private boolean listed(String name) {
        String folded = name.toLowerCase(Locale.ROOT);
        return folded(allowed).contains(folded) || folded(denied).contains(folded);
    }

    private static List<String> distinct(List<String> entries) {
        if (entries == null) {
            return List.of();
        }
        return List.copyOf(entries.stream().map(e -> e == null ? "" : e.strip())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private static Set<String> folded(List<String> entries) {
        return entries.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static void check(String entry) {
        if (!ENTRY.matcher(entry).matches()) {
            throw new Invalid("licence-policy.malformed-entry", entry.length() > 60 ? entry.substring(0, 60) + "…" : entry);
        }
    }

    /** A policy that cannot be kept (malformed entry, too many, on both lists, no rule for unknown licences). */
    public static final class Invalid extends DomainException {
        private static final long serialVersionUID = 1L;

        Invalid(String key, Object... arguments) {
            super(ProblemType.VALIDATION_FAILED, key, arguments);
        }
    }
}
