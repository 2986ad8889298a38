package cz.safecity.web.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/ping} → {@code pong}: the trivial endpoint benchmarks compare against. */
@Tag(name = "platform")
@Path("ping")
@ApplicationScoped
public class PingResource {

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Liveness of the API: answers pong",
            description = "Public; the baseline of the benchmarks. Errors: none.")
    public String ping() {
        return "pong";
    }
}
