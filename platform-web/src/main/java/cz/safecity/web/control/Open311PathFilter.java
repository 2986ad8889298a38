package cz.safecity.web.control;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves Open311 GeoReport v2 at the path its clients expect, {@code /open311/v2/…}, by forwarding to the messaging
 * module's JAX-RS resource under {@code /api/open311/v2/…} (one implementation, two addresses; the query string
 * and the form body travel with the forward).
 */
@WebFilter("/open311/*")
public class Open311PathFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        req.getRequestDispatcher("/api" + path).forward(req, resp);
    }
}
