package cz.safecity.stats.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs work in a new JTA transaction. The importer needs one: a pooled connection held open on a thread is enlisted
 * in whatever transaction begins on it later, which would commit the import's rows piecemeal; inside its own
 * transaction every statement of the import joins it instead.
 */
@ApplicationScoped
public class Transactions {

    /**
     * {@code work} in a short transaction of its own, with the caller's (if any) suspended: for the contract call of
     * an import, whose reads must not join the import's long transaction. Not "no transaction": in an import job's
     * thread (a managed executor task) an entity manager used outside any transaction belongs to the request that
     * submitted the task, which has ended, and is closed. Also a request context (a job thread has none).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @ActivateRequestContext
    public <T> T apart(Supplier<T> work) {
        return work.get();
    }

    /** {@code work} in a new transaction; a RuntimeException rolls it back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNew(Supplier<T> work) {
        return work.get();
    }
}
