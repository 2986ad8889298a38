package cz.safecity.web.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The portal's pages are one single-page app: a path under {@code /portal/} whose last segment has no file
 * extension ({@code /portal/praha}, {@code /portal/praha/districts/1-5}, {@code /portal/console}) is answered
 * with {@code /portal/index.html}, which reads the path itself; files ({@code app.js}, {@code i18n/cs.json}) are
 * served as they are. Every answer gets a Content-Security-Policy allowing only this origin, plus the configured
 * tile server, geocoder and Keycloak (no inline scripts or styles anywhere in the portal); images may also come
 * from any https address (working-group members' photos are absolute URLs). All of it is declared UTF-8.
 */
@WebFilter("/portal/*")
public class PortalFilter extends HttpFilter {

    private final PortalConfig config = new PortalConfig();

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.equals("/portal")) {
            resp.sendRedirect(req.getContextPath() + "/portal/");
            return;
        }
        resp.setHeader("Content-Security-Policy", csp());
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "same-origin");
        // every portal file (HTML, JS, CSS, i18n JSON) is UTF-8 with Czech text; without this the forwarded
        // index.html went out as ISO-8859-1 and the files with no charset at all
        resp.setCharacterEncoding("UTF-8");
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (!last.isEmpty() && !last.contains(".")) {
            resp.setHeader("Cache-Control", "no-cache");
            req.getRequestDispatcher("/portal/index.html").forward(req, resp);
            return;
        }
        chain.doFilter(req, resp);
    }

    private String csp() {
        String img = config.tileUrl().map(PortalConfig::origin).orElse("");
        String connect = PortalConfig.origin(config.issuer()) + " "
                + config.geocoderUrl().map(PortalConfig::origin).orElse("");
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https: " + img
                + "; connect-src 'self' " + connect.trim() + "; frame-ancestors 'none'; base-uri 'self'; "
                + "form-action 'self' " + PortalConfig.origin(config.issuer());
    }
}
