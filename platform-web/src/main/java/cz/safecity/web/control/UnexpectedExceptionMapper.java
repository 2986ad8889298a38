package cz.safecity.web.control;

import cz.safecity.platform.problem.ProblemException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else. A {@link ProblemException} or JAX-RS error wrapped by a container (EJB, transaction,
 * persistence) is unwrapped; unreadable JSON is a 400; anything unknown is logged with an incident id and
 * answered 500 without internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return Problems.of(p);
            }
            if (t instanceof WebApplicationException w && !serverError(w)) {
                return new WebApplicationExceptionMapper().toResponse(w);
            }
            if (t instanceof java.sql.SQLException sql && "22021".equals(sql.getSQLState())) {
                // a NUL (U+0000) in text sent by the client: PostgreSQL cannot store it
                return Problems.of(400, "invalid-input", "Invalid input",
                        "body: text must not contain a NUL character (\\u0000)", "body");
            }
            if (t instanceof JsonbException || t instanceof JsonException
                    || t.getClass().getName().startsWith("jakarta.json.stream.JsonParsing")
                    || (t.getClass() == RuntimeException.class && t.getMessage() != null
                    && t.getMessage().startsWith("Input is too deeply nested"))) {
                // the last: Parsson's refusal of JSON nested deeper than jakarta.json.stream.maxDepth (1,000)
                return Problems.of(400, "invalid-input", "Invalid input",
                        "body: not valid JSON for this request (" + firstLine(t.getMessage()) + ")", "body");
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident, e);
        return Problems.of(500, "internal", "Internal error",
                "The server failed unexpectedly; incident " + incident + " is logged.", null);
    }

    /** A JAX-RS error of status 5xx: mapped here (its cause looked at, logged), not as a plain status. */
    static boolean serverError(WebApplicationException w) {
        return w.getResponse() == null || w.getResponse().getStatus() >= 500;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).replaceAll("\\s+", " ");
    }
}
