package cz.safecity.web.control;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ParamException;

/**
 * JAX-RS's own errors (unknown path, wrong method or media type, unparsable parameter, unreadable body) →
 * problems. A parameter that does not convert (e.g. {@code ?lat=abc} into a double) is a 400 naming it.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e instanceof ParamException pe) {
            return Problems.of(400, "invalid-input", "Invalid input",
                    pe.getParameterName() + ": not a valid value", pe.getParameterName());
        }
        if (UnexpectedExceptionMapper.serverError(e)) {
            // e.g. Jersey's InternalServerErrorException around a failed commit: look at the cause, log an incident
            return new UnexpectedExceptionMapper().toResponse(e);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String detail = switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "Method not allowed here.";
            case 406 -> "Cannot produce the requested media type.";
            case 415 -> "Unsupported media type.";
            default -> status >= 500 ? "The server could not complete the request." : e.getMessage();
        };
        String type = e instanceof NotFoundException ? "not-found"
                : e instanceof NotAllowedException ? "method-not-allowed"
                : e instanceof NotSupportedException ? "unsupported-media-type"
                : status == 400 ? "invalid-input" : "http-" + status;
        String field = status == 400 ? "body" : null;
        Response r = Problems.of(status, type, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), detail, field);
        if (e.getResponse() != null && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(r).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return r;
    }
}
