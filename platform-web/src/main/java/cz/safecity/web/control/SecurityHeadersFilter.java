package cz.safecity.web.control;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers on every answer of the application, error pages included: {@code X-Content-Type-Options: nosniff}; on the
 * API's HTML pages ({@code /openapi-ui}) a {@code Content-Security-Policy} allowing only this origin's scripts and the
 * token requests to Keycloak. ({@code Server} and {@code X-Powered-By} are switched off on the HTTP listener by
 * {@code scripts/payara.sh}: the web container adds them before any filter runs.)
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR,
    DispatcherType.FORWARD, DispatcherType.ASYNC})
public class SecurityHeadersFilter extends HttpFilter {

    /** The CSP of HTML pages: own scripts only; Swagger UI's inline styles and data: images allowed. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self' http://localhost:8180; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        resp.setHeader("X-Content-Type-Options", "nosniff");
        String path = req.getRequestURI();
        if (path.startsWith("/openapi-ui")) {
            resp.setHeader("Content-Security-Policy", CSP);
        }
        chain.doFilter(req, resp);
    }
}
