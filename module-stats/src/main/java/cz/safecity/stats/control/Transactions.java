package cz.safecity.stats.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs work in a new JTA transaction. The importer needs one: a pooled connection held open on a thread is enlisted
 * in whatever transaction begins on it later (e.g. one started by a contract call per row), which would commit the
 * import's rows piecemeal; inside its own transaction every statement of the import joins it instead.
 */
@ApplicationScoped
public class Transactions {

    /**
     * {@code work} with the caller's transaction suspended: for contract calls during an import, whose reads must not
     * join (and grow with) the import's long transaction. Also one request context for the whole batch of calls (in a
     * job thread there is none; otherwise each call would activate and tear down its own).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    @ActivateRequestContext
    public <T> T outside(Supplier<T> work) {
        return work.get();
    }

    /** {@code work} in a new transaction; a RuntimeException rolls it back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNew(Supplier<T> work) {
        return work.get();
    }
}
