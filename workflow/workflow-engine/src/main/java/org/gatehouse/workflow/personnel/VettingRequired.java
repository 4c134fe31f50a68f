package org.gatehouse.workflow.personnel;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatehouse.identity.access.Role;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ProtectionLevel;

/**
 * C.1: a developer, tester or security-reviewer role refused on a project whose protection level
 * requires vetting, because these prerequisites of the person do not hold today (409
 * {@code vetting-required}; the detail names them in the reader's language).
 */
public final class VettingRequired extends DomainException {
    private static final long serialVersionUID = 1L;

    private final String login;
    private final Role role;
    private final String project;
    private final int level;
    private final List<Prerequisite> missing;

    public VettingRequired(String login, Role role, ProjectKey project, ProtectionLevel level, Set<Prerequisite> missing) {
        super(ProblemType.VETTING_REQUIRED, "personnel.vetting-required", login, role.name(), project.value(),
                level.number());
        this.login = login;
        this.role = role;
        this.project = project.value();
        this.level = level.number();
        this.missing = List.copyOf(missing);
    }

    /** What is missing, in a stable order. */
    public List<Prerequisite> missing() {
        return missing;
    }

    @Override
    public String detail(Locale locale) {
        String separator = "zh".equals(locale.getLanguage()) ? "、" : ", ";
        String names = missing.stream().map(p -> p.label(locale)).collect(Collectors.joining(separator));
        return Messages.format(getClass(), messageKey(), locale, login, role.name(), project, level, names);
    }
}
