package cz.safecity.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every answer — API, error, static page — says {@code X-Content-Type-Options: nosniff} and names no server product
 * or version in {@code Server} or {@code X-Powered-By}.
 */
class ResponseHeadersIT {

    @Test
    void nosniffEverywhereAndNoProductOrVersion() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String path : List.of("/api/ping", "/api/cities/no-such-city", "/api/cities/praha/districts/locate?lat=x",
                "/openapi-ui/", "/api/no/such/path", "/health/ready")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(SystemTestSupport.BASE + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            for (String header : List.of("Server", "X-Powered-By")) {
                String value = r.headers().firstValue(header).orElse("");
                assertFalse(value.matches("(?i).*(payara|glassfish|grizzly|servlet|jsp|java|\\d+\\.\\d+).*"),
                        path + ": " + header + ": " + value);
            }
        }
    }
}
