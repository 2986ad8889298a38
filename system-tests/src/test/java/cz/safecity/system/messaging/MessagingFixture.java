package cz.safecity.system.messaging;

import static cz.safecity.system.SystemTestSupport.post;
import static cz.safecity.system.SystemTestSupport.put;
import static cz.safecity.system.SystemTestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.SystemTestSupport;
import cz.safecity.system.SystemTestSupport.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Random test cities for the messaging system tests: two districts in Prague's centre ({@code P1-01} west of
 * 14.42 E, {@code P1-02} east of it, 50.08–50.09 N), made through the districts module's import API; mail read back
 * from the local mail catcher (GreenMail's REST API on 127.0.0.1:8025, which the SMTP server on 2525 feeds).
 */
final class MessagingFixture {

    /** Acts as city-admin and platform-admin in random cities. */
    static final String ADMIN = "platform-admin";
    static final String MAIL_API = System.getProperty("mail.api", "http://127.0.0.1:8025");

    static final String PRAGUE_TWO = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"code":"P1-01","name":"Praha 1 – Staré Město"},"geometry":{"type":"Polygon",
              "coordinates":[[[14.40,50.08],[14.42,50.08],[14.42,50.09],[14.40,50.09],[14.40,50.08]]]}},
             {"type":"Feature","properties":{"code":"P1-02","name":"Praha 1 – Josefov"},"geometry":{"type":"Polygon",
              "coordinates":[[[14.42,50.08],[14.44,50.08],[14.44,50.09],[14.42,50.09],[14.42,50.08]]]}}]}""";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private MessagingFixture() {
    }

    /** A new random city named {@code name} with districts P1-01 and P1-02 in force from 2020-01-01. */
    static String pragueCity(String name) {
        String slug = SystemTestSupport.randomSlug();
        Reply city = post("/api/cities", ADMIN, "{\"slug\":\"" + slug + "\",\"name\":\"" + name
                + "\",\"locales\":[\"cs\",\"en\"]}");
        assertEquals(201, city.status(), city.toString());
        Reply imported = send("POST", "/api/cities/" + slug
                        + "/boundaries?codeProperty=code&nameProperty=name&validFrom=2020-01-01", ADMIN,
                "application/geo+json", PRAGUE_TWO);
        assertEquals(201, imported.status(), imported.toString());
        return slug;
    }

    /** Sets messaging settings of a city (as its admin). */
    static void settings(String city, String settingsJson) {
        Reply r = put("/api/cities/" + city + "/modules/messaging", ADMIN, "{\"enabled\":true,\"settings\":"
                + settingsJson + "}");
        assertEquals(200, r.status(), r.toString());
    }

    static String matters(String city) {
        return "/api/cities/" + city + "/messaging/matters";
    }

    /** A submission body. */
    static String submission(String category, String text, Double lat, Double lon, String email) {
        var b = Json.createObjectBuilder().add("category", category).add("text", text).add("consent", true);
        if (lat != null) {
            b.add("location", Json.createObjectBuilder().add("lat", lat).add("lon", lon));
        }
        if (email != null) {
            b.add("contact", Json.createObjectBuilder().add("name", "Jana Občanová").add("email", email));
        }
        return b.build().toString();
    }

    /** A request with a raw bearer token (a freshly fetched one, e.g. after a role change) or none. */
    static Reply call(String method, String path, String token, String contentType, String body,
                      String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(SystemTestSupport.BASE + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json, application/problem+json, */*");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The path part of a tracking link. */
    static String trackingPath(String link) {
        return URI.create(link).getPath();
    }

    static void assertProblem(Reply r, int status, String field) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.isProblem(), "not problem+json: " + r.contentType() + " " + r.body());
        JsonObject p = r.json();
        assertEquals(status, p.getInt("status"));
        if (field != null) {
            assertEquals(field, p.getString("field", null), r.body());
        }
        assertFalse(r.body().contains("Exception"), "leaks internals: " + r.body());
    }

    // ------------------------------------------------------------------------------------------------ mail

    /** A mail as read back from the catcher: decoded subject and plain-text body. */
    record Mail(String subject, String body) {
    }

    /** The mails in {@code address}'s inbox (none when the address never received one). */
    static List<Mail> inbox(String address) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(MAIL_API + "/api/user/"
                            + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return List.of();
            }
            JsonArray a = Json.createReader(new StringReader(r.body())).readArray();
            return a.stream().map(v -> v.asJsonObject()).map(o -> new Mail(o.getString("subject", ""),
                    body(o.getString("mimeMessage", "")))).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("mail catcher not reachable at " + MAIL_API + " (./safecity up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to 60 s for a mail to {@code address} whose subject contains {@code subjectPart}. */
    static Mail awaitMail(String address, String subjectPart) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            for (Mail m : inbox(address)) {
                if (m.subject().contains(subjectPart)) {
                    return m;
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no mail to " + address + " with subject containing '" + subjectPart + "' within 60 s;"
                + " inbox: " + inbox(address));
    }

    /** The decoded text of a single-part text/plain MIME message (base64, quoted-printable or 7/8 bit). */
    static String body(String mime) {
        int split = mime.indexOf("\r\n\r\n");
        String headers = split < 0 ? mime : mime.substring(0, split);
        String raw = split < 0 ? "" : mime.substring(split + 4);
        Matcher enc = Pattern.compile("(?im)^Content-Transfer-Encoding:\\s*(\\S+)").matcher(headers);
        String encoding = enc.find() ? enc.group(1).toLowerCase(Locale.ROOT) : "7bit";
        if (encoding.equals("base64")) {
            return new String(Base64.getMimeDecoder().decode(raw), StandardCharsets.UTF_8);
        }
        if (encoding.equals("quoted-printable")) {
            return quotedPrintable(raw);
        }
        return raw;
    }

    static String quotedPrintable(String s) {
        var out = new java.io.ByteArrayOutputStream();
        String t = s.replace("=\r\n", "").replace("=\n", "");
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '=' && i + 2 < t.length() + 0 && i + 2 <= t.length() - 1) {
                out.write(Integer.parseInt(t.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
