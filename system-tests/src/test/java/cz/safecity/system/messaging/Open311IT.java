package cz.safecity.system.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.SystemTestSupport;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An Open311 GeoReport v2 client written from the specification (wiki.open311.org/GeoReport_v2), not from our code:
 * plain HTTP, form-encoded POST, JSON and XML answers parsed generically.
 */
class Open311IT {

    static final String ROOT = SystemTestSupport.BASE + "/open311/v2/";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static String jurisdiction;

    @BeforeAll
    static void city() {
        jurisdiction = MessagingFixture.pragueCity("Praha Open311");
    }

    record Answer(int status, String body, String type) {
        JsonArray array() {
            return Json.createReader(new StringReader(body)).readArray();
        }

        Document xml() throws Exception {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        }
    }

    static Answer get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ROOT + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    }

    static Answer postForm(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ROOT + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    }

    static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }

    @Test
    void discoveryInBothFormats() throws Exception {
        Answer json = get("discovery.json");
        assertEquals(200, json.status(), json.body());
        JsonObject d = Json.createReader(new StringReader(json.body())).readObject();
        assertTrue(d.getJsonArray("endpoints").getJsonObject(0).getString("url").endsWith("/open311/v2"));
        Answer xml = get("discovery.xml");
        assertEquals(200, xml.status());
        assertEquals("discovery", xml.xml().getDocumentElement().getNodeName());
    }

    @Test
    void servicesListPostAndFetchInJsonAndXml() throws Exception {
        Answer services = get("services.json?jurisdiction_id=" + jurisdiction);
        assertEquals(200, services.status(), services.body());
        assertTrue(services.type().startsWith("application/json"), services.type());
        JsonObject noise = services.array().stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("service_code").equals("noise")).findFirst().orElseThrow();
        assertFalse(noise.getBoolean("metadata"));
        Answer servicesXml = get("services.xml?jurisdiction_id=" + jurisdiction);
        assertEquals(200, servicesXml.status());
        assertTrue(servicesXml.xml().getElementsByTagName("service").getLength() >= 5);
        Answer definition = get("services/noise.xml?jurisdiction_id=" + jurisdiction);
        assertEquals(200, definition.status(), definition.body());
        assertEquals("service_definition", definition.xml().getDocumentElement().getNodeName());

        String description = "Hluk z baru <U Fleků> & \"Na Růžku\" po 22:00 — řešte prosím.";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jurisdiction_id", jurisdiction);
        form.put("service_code", "noise");
        form.put("lat", "50.0855");
        form.put("long", "14.4105");
        form.put("description", description);
        form.put("email", "open311@example.org");
        form.put("first_name", "Jan");
        form.put("last_name", "Klient");
        Answer created = postForm("requests.json", form);
        assertEquals(201, created.status(), created.body());
        String id = created.array().getJsonObject(0).getString("service_request_id");
        // spec: service_notice is "information about the action expected to fulfill the request" — for people
        String notice = created.array().getJsonObject(0).getString("service_notice");
        assertTrue(notice.length() > 40 && !notice.contains("http") && !notice.contains("/api/"), notice);

        Answer one = get("requests/" + id + ".json?jurisdiction_id=" + jurisdiction);
        assertEquals(200, one.status(), one.body());
        JsonObject request = one.array().getJsonObject(0);
        assertEquals(description, request.getString("description"), "exactly as typed");
        assertEquals("open", request.getString("status"));
        assertEquals("noise", request.getString("service_code"));
        OffsetDateTime.parse(request.getString("requested_datetime")); // ISO 8601 with offset
        assertEquals(50.0855, request.getJsonNumber("lat").doubleValue(), 1e-9);
        assertTrue(request.getString("service_notice").length() > 40, request.toString());

        Answer oneXml = get("requests/" + id + ".xml?jurisdiction_id=" + jurisdiction);
        assertEquals(200, oneXml.status());
        Element req = (Element) oneXml.xml().getElementsByTagName("request").item(0);
        assertEquals(description, text(req, "description"));
        assertEquals(id, text(req, "service_request_id"));

        Answer createdXml = postForm("requests.xml", form);
        assertEquals(201, createdXml.status(), createdXml.body());
        String id2 = text((Element) createdXml.xml().getElementsByTagName("request").item(0), "service_request_id");

        Answer list = get("requests.json?jurisdiction_id=" + jurisdiction + "&status=open&service_code=noise");
        assertEquals(200, list.status(), list.body());
        assertTrue(list.array().stream().anyMatch(v -> v.asJsonObject().getString("service_request_id").equals(id)));
        Answer byIds = get("requests.xml?jurisdiction_id=" + jurisdiction + "&service_request_id=" + id + "," + id2);
        assertEquals(2, byIds.xml().getElementsByTagName("request").getLength());
        Answer closed = get("requests.json?jurisdiction_id=" + jurisdiction + "&status=closed");
        assertEquals(0, closed.array().size());
        Answer window = get("requests.json?jurisdiction_id=" + jurisdiction + "&start_date=2020-01-01T00:00:00Z"
                + "&end_date=2020-02-01T00:00:00Z");
        assertEquals(0, window.array().size(), "outside the given window");

        Answer token = get("tokens/" + id + ".json?jurisdiction_id=" + jurisdiction);
        assertEquals(200, token.status(), token.body());
        assertEquals(id, token.array().getJsonObject(0).getString("service_request_id"));
    }

    @Test
    void errorsUseTheSpecFormatWithTheStatus() throws Exception {
        Answer unknown = get("services.json?jurisdiction_id=no-such-city");
        assertEquals(404, unknown.status());
        assertEquals(404, unknown.array().getJsonObject(0).getInt("code"));
        Answer missing = get("services.xml");
        assertEquals(400, missing.status());
        assertEquals("errors", missing.xml().getDocumentElement().getNodeName());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jurisdiction_id", jurisdiction);
        form.put("service_code", "no-such-service");
        form.put("lat", "50.0855");
        form.put("long", "14.4105");
        form.put("description", "x");
        Answer badService = postForm("requests.json", form);
        assertEquals(400, badService.status(), badService.body());
        assertTrue(badService.array().getJsonObject(0).getString("description").contains("service"));
        form.put("service_code", "noise");
        form.put("lat", "49.195");
        form.put("long", "16.608");
        assertEquals(400, postForm("requests.json", form).status(), "outside the city");
        form.put("lat", "north");
        assertEquals(400, postForm("requests.xml", form).status());
        Answer notFound = get("requests/999999999.json?jurisdiction_id=" + jurisdiction);
        assertEquals(404, notFound.status());
        assertEquals(404, notFound.array().getJsonObject(0).getInt("code"));
    }
}
