package cz.safecity.web.control;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Error page for errors the container answers before JAX-RS sees the request (web.xml {@code <error-page>}):
 * e.g. MicroProfile JWT refusing a malformed or expired bearer token with 401, or a path outside every
 * application. Writes an RFC 9457 {@code application/problem+json} instead of the server's HTML error report.
 */
@WebServlet("/problem-error")
public class ProblemErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : resp.getStatus();
        if (req.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            // an exception that escaped JAX-RS (e.g. a commit failing after the resource method): the mappers decide
            jakarta.ws.rs.core.Response mapped = new UnexpectedExceptionMapper().toResponse(failure);
            resp.setStatus(mapped.getStatus());
            resp.setContentType("application/problem+json");
            resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
            resp.getWriter().write(String.valueOf(mapped.getEntity()));
            return;
        }
        String detail = switch (status) {
            case 401 -> "The bearer token is missing, malformed, expired or not issued by the platform's Keycloak "
                    + "realm: get a new one.";
            case 403 -> "Your roles do not allow this action.";
            case 404 -> "No such resource.";
            case 405 -> "Method not allowed here.";
            case 400 -> "The request is malformed (its path, query or body cannot be read).";
            case 406 -> "Cannot produce the requested media type.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request URI is too long.";
            case 415 -> "Unsupported media type.";
            case 431 -> "The request headers are too large.";
            default -> status >= 500 ? "The server could not complete the request." : "The request was refused.";
        };
        String type = switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 400 -> "invalid-input";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal" : "http-" + status;
        };
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "https://safecity.cz/problems/" + type)
                .add("title", title(status))
                .add("status", status)
                .add("detail", detail);
        resp.setStatus(status);
        if (status == 401 && resp.getHeader("WWW-Authenticate") == null) {
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"safecity\", error=\"invalid_token\"");
        }
        resp.setContentType("application/problem+json");
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.getWriter().write(body.build().toString());
    }

    private static String title(int status) {
        return switch (status) {
            case 401 -> "Unauthenticated";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 400 -> "Bad Request";
            case 406 -> "Not Acceptable";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 431 -> "Request Header Fields Too Large";
            default -> status >= 500 ? "Internal error" : "Error";
        };
    }
}
