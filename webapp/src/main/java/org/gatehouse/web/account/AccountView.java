package org.gatehouse.web.account;

import java.time.Instant;
import java.util.List;
import org.gatehouse.identity.access.RoleGrant;
import org.gatehouse.identity.account.Account;

/** An account as the API shows it (never its password hash). */
public record AccountView(String login, String displayName, String email, String kind, boolean mustChangePassword,
        boolean disabled, Instant lockedUntil, Instant createdAt, List<GrantView> roles, String oneTimePassword) {

    /** One role grant. */
    public record GrantView(String id, String role, String project, Instant grantedAt, String grantedBy) {
        static GrantView of(RoleGrant grant) {
            return new GrantView(grant.id().toString(), grant.role().name(),
                    grant.project().map(p -> p.value()).orElse(null), grant.grantedAt().toInstant(), grant.grantedBy());
        }
    }

    static AccountView of(Account account, List<RoleGrant> grants, String oneTimePassword) {
        return new AccountView(account.login().value(), account.displayName(), account.email().orElse(null),
                account.kind().name(), account.mustChangePassword(), account.disabled(),
                account.lockedUntil().map(t -> t.toInstant()).orElse(null), account.createdAt().toInstant(),
                grants.stream().map(GrantView::of).toList(), oneTimePassword);
    }
}
