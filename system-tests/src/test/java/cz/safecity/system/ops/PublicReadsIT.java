package cz.safecity.system.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.SystemTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Public reads are compressed and revalidatable: gzip when the client accepts it, a weak {@code ETag},
 * {@code Cache-Control: public, no-cache}, {@code 304} for {@code If-None-Match} with the current tag; answers to a
 * request with a token are {@code private}. Readiness lists the application's own check {@code safecity}.
 */
class PublicReadsIT {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static String city;

    @BeforeAll
    static void cityWithDistricts() {
        city = SystemTestSupport.randomSlug();
        var r = SystemTestSupport.post("/api/cities", "platform-admin",
                "{\"slug\":\"" + city + "\",\"name\":\"Etagov\"}");
        assertEquals(201, r.status(), r.toString());
        r = SystemTestSupport.send("POST", "/api/cities/" + city
                        + "/boundaries?codeProperty=code&nameProperty=name&validFrom=2020-01-01", "platform-admin",
                "application/geo+json", detailedSquare());
        assertEquals(201, r.status(), r.toString());
    }

    /** One district A1 whose square outline has 400 vertices (its GeoJSON is larger than the 1 kB gzip minimum). */
    static String detailedSquare() {
        StringBuilder ring = new StringBuilder();
        double[][] corners = {{14.40, 50.08}, {14.41, 50.08}, {14.41, 50.09}, {14.40, 50.09}};
        for (int side = 0; side < 4; side++) {
            double[] a = corners[side];
            double[] b = corners[(side + 1) % 4];
            for (int i = 0; i < 100; i++) {
                double t = i / 100.0;
                ring.append(String.format(java.util.Locale.ROOT, "[%.6f,%.6f],", a[0] + (b[0] - a[0]) * t,
                        a[1] + (b[1] - a[1]) * t));
            }
        }
        ring.append("[14.40,50.08]");
        return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"code\":\"A1\",\"name\":\"Okrsek A1\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[["
                + ring + "]]}}]}";
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(SystemTestSupport.BASE + path))
                .timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void geoJsonExportIsGzippedTaggedAndAnswers304ForItsTag() throws Exception {
        String path = "/api/cities/" + city + "/districts.geojson";
        HttpResponse<byte[]> first = get(path, "Accept-Encoding", "gzip");
        assertEquals(200, first.statusCode());
        assertEquals("gzip", first.headers().firstValue("Content-Encoding").orElse(null), "compressed");
        String tag = first.headers().firstValue("ETag").orElse(null);
        assertNotNull(tag, "ETag");
        assertTrue(tag.startsWith("W/\""), tag);
        assertEquals("public, no-cache", first.headers().firstValue("Cache-Control").orElse(null));
        HttpResponse<byte[]> again = get(path, "If-None-Match", tag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        HttpResponse<byte[]> other = get(path, "If-None-Match", "W/\"something-else\"");
        assertEquals(200, other.statusCode());
        assertTrue(other.body().length > 100);
    }

    @Test
    void everyPublicJsonReadIsTaggedAndRevalidates() throws Exception {
        String path = "/api/cities/" + city + "/districts/locate?lat=50.085&lon=14.405";
        HttpResponse<byte[]> first = get(path);
        assertEquals(200, first.statusCode());
        String tag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals("public, no-cache", first.headers().firstValue("Cache-Control").orElse(null));
        assertEquals(304, get(path, "If-None-Match", tag).statusCode());
        HttpResponse<byte[]> staff = get(path, "Authorization", "Bearer " + SystemTestSupport.token("platform-admin"));
        assertEquals(200, staff.statusCode());
        assertEquals("private, no-cache", staff.headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void readinessListsTheApplicationsOwnCheck() throws Exception {
        HttpResponse<byte[]> ready = get("/health/ready");
        assertEquals(200, ready.statusCode());
        String body = new String(ready.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(body.matches("(?s).*\"name\"\\s*:\\s*\"safecity\".*"), body);
    }
}
