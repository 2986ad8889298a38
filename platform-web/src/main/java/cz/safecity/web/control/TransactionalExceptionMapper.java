package cz.safecity.web.control;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A {@code @Transactional} method whose commit failed ({@link TransactionalException} around a rollback and, below
 * it, the database's reason). Jersey ships its own mapper for this type, which rethrows the cause and ends as a bare
 * 500 without a body; this one, preferred by its priority, hands the exception to {@link UnexpectedExceptionMapper},
 * which looks at the causes (a {@code ProblemException}, a NUL in text → 400) and otherwise logs an incident.
 */
@Provider
@Priority(1)
public class TransactionalExceptionMapper implements ExceptionMapper<TransactionalException> {

    @Override
    public Response toResponse(TransactionalException e) {
        return new UnexpectedExceptionMapper().toResponse(e);
    }
}
