package cz.safecity.web.portal;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /portal/config.json}: {@code {"tileUrl"?, "tileAttribution", "geocoderUrl"?, "issuer", "clientId"}}
 * (see {@link PortalConfig}); absent keys mean "not configured".
 */
@WebServlet("/portal/config.json")
public class PortalConfigServlet extends HttpServlet {

    private final PortalConfig config = new PortalConfig();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("tileAttribution", config.tileAttribution())
                .add("issuer", config.issuer())
                .add("clientId", config.clientId());
        config.tileUrl().ifPresent(u -> body.add("tileUrl", u));
        config.geocoderUrl().ifPresent(u -> body.add("geocoderUrl", u));
        resp.setContentType("application/json");
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.setHeader("Cache-Control", "no-cache");
        resp.getWriter().write(body.build().toString());
    }
}
