package org.gatehouse.identity.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.gatehouse.identity.access.AccountId;
import org.gatehouse.platform.paging.Page;
import org.gatehouse.platform.paging.PageCursor;

/** Loads and stores accounts. */
@ApplicationScoped
public class AccountRepository {
    static final String LISTING = "accounts";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    public Optional<Account> find(AccountId id) {
        return Optional.ofNullable(em.find(Account.class, id.value()));
    }

    public Optional<Account> find(LoginName login) {
        return em.createQuery("select a from Account a where a.login = :login", Account.class)
                .setParameter("login", login.value()).getResultStream().findFirst();
    }

    /** The account, locked for update: concurrent failed logins must all be counted. */
    public Optional<Account> findForUpdate(LoginName login) {
        return em.createQuery("select a from Account a where a.login = :login", Account.class)
                .setParameter("login", login.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    public void add(Account account) {
        em.persist(account);
    }

    public Page<Account> page(Optional<PageCursor> after, int limit) {
        List<Account> rows = em.createQuery("select a from Account a where a.login > :after order by a.login", Account.class)
                .setParameter("after", after.map(c -> c.key(0)).orElse(""))
                .setMaxResults(limit + 1).getResultList();
        return Page.fromOverfetch(rows, limit, a -> PageCursor.of(LISTING, a.login().value()));
    }
}
