package cz.safecity.stats.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs work in a new JTA transaction. The importer needs one: a pooled connection held open on a thread is enlisted
 * in whatever transaction begins on it later (e.g. one started by a contract call per row), which would commit the
 * import's rows piecemeal; inside its own transaction every statement of the import joins it instead.
 */
@ApplicationScoped
public class Transactions {

    /** {@code work} in a new transaction; a RuntimeException rolls it back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNew(Supplier<T> work) {
        return work.get();
    }
}
