package cz.safecity.system.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cz.safecity.system.SystemTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The public portal in a real browser (Chromium through Selenium) against the running stack and its demo cities
 * (Praha with its 226 real districts and demo working group in district 1-5, Plzeň with provisional districts).
 * Accessibility is checked with axe-core on every public page in both languages; screenshots at desktop and phone
 * width go to {@code target/screenshots/}; the district page's Navigation Timing and the size of its JavaScript
 * and CSS are reported (written to {@code target/portal-figures.txt}), not asserted.
 * <p>Praha's real districts come from the shared data ({@code -Dshared.data}, default {@code ../../shared/data}, read
 * by {@code scripts/demo-districts.sh}); without it demo Praha has the four fixture districts of
 * {@code scripts/fixtures/}, so the tests that use Praha's real points (district 1-5, the Old Town, the info box on
 * Staroměstské náměstí) are skipped with a JUnit assumption, and the page checks use the fixture's first district.
 */
class PortalIT {

    /** Demo district of Praha with the demo working group, a station and an info box (scripts/demo-working-groups.sh). */
    static final String CENTRE = "/portal/praha/districts/1-5";
    /** Inside district 1-5, 42 m from its boundary (Bartolomějská street). */
    static final double[] OLD_TOWN = {50.0875, 14.4213};

    /** The shared data folder with Praha's 226 real districts (absent: demo Praha has the fixture's four). */
    static final Path DATA = Path.of(System.getProperty("shared.data", "../../shared/data"));
    static final boolean REAL_PRAHA = Files.exists(DATA.resolve("praha-mp-districts.geojson"));

    static Browser browser;

    /** Skips a test that needs Praha's real districts when the shared data is not there. */
    static void assumeRealPraha() {
        assumeTrue(REAL_PRAHA, "no shared data at " + DATA.toAbsolutePath().normalize()
                + " (praha-mp-districts.geojson): demo Praha has only the fixture districts, so its real points are not there");
    }

    /** The district card the page checks use: 1-5 with the real data, else the first of demo Praha's districts. */
    static String centre() {
        if (REAL_PRAHA) {
            return CENTRE;
        }
        var list = SystemTestSupport.get("/api/cities/praha/districts", null).json().getJsonArray("districts");
        assumeTrue(!list.isEmpty(), "demo Praha has no districts");
        return "/portal/praha/districts/" + list.getJsonObject(0).getString("code");
    }

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void cityListShowsTheOnboardedCitiesAndNoTestCities() {
        browser.open("/portal/");
        List<String> links = browser.all("ul.cities h2 a").stream().map(WebElement::getText).toList();
        assertTrue(links.containsAll(List.of("Praha", "Plzeň", "Sokolov")), links.toString());
        browser.all("ul.cities h2 a").forEach(a ->
                assertFalse(a.getAttribute("href").contains("/portal/t-"), "test city listed: " + a.getAttribute("href")));
    }

    @Test
    void clickingTheMapFindsThePragueDistrictAndItsCard() {
        assumeRealPraha();
        browser.open("/portal/praha?lang=cs");
        browser.waitFor("#district-map[data-loaded]");
        assertTrue(browser.all(".leaflet-tile-pane img").isEmpty(), "no base map is configured: no tiles are loaded");
        clickMapAt(browser, OLD_TOWN[0], OLD_TOWN[1]);
        WebElement open = browser.waitFor("#open-card");
        assertTrue(browser.find("#find-result").getText().contains("Praha 1 – okrsek 5"), browser.find("#find-result").getText());
        open.click();
        browser.wait(20).until(d -> d.getCurrentUrl().endsWith(CENTRE));
        browser.waitFor("ul.people");
        assertTrue(browser.find("h1").getText().contains("Praha 1 – okrsek 5"));
    }

    @Test
    void aPointNearABoundaryAsksWhichDistrictIsMeant() {
        assumeRealPraha();
        browser.open("/portal/praha?lang=en");
        typeCoordinates(browser, "50.08", "14.42");
        WebElement near = browser.waitFor("#find-result .near");
        assertTrue(near.getText().contains("Which district do you mean?"), near.getText());
        List<WebElement> choices = browser.all("#find-result .near button");
        assertTrue(choices.size() >= 2, "the district and at least one neighbour");
        choices.get(1).click();
        assertTrue(browser.waitFor("#open-card").getAttribute("href").contains("/portal/praha/districts/1-1"));
    }

    @Test
    void aPointOutsideTheCityPointsToTheCityItIsIn() {
        browser.open("/portal/praha?lang=en");
        typeCoordinates(browser, "49.7384", "13.3736"); // Plzeň, a demo city of its own
        WebElement other = browser.waitFor("#other-city");
        assertTrue(browser.find("#find-result").getText().contains("outside"), browser.find("#find-result").getText());
        assertTrue(other.getAttribute("href").contains("/portal/plzen/districts/"), other.getAttribute("href"));
    }

    @Test
    void namedPlacesAreFoundWithoutAGeocoderAndNoAddressBoxIsShown() {
        assumeRealPraha();
        browser.open("/portal/praha?lang=cs");
        assertTrue(browser.all("#address").isEmpty(), "no geocoder is configured, so no address box");
        WebElement place = browser.find("#place");
        place.sendKeys("staromestske namesti");
        place.sendKeys(Keys.ENTER);
        WebElement hit = browser.waitFor("#place-results button");
        assertTrue(hit.getText().contains("Info-schránka Staroměstské náměstí"), hit.getText());
        hit.click();
        browser.wait(20).until(d -> browser.find("#find-result").getText().contains("Praha 1 – okrsek 5"));
    }

    /**
     * With a geocoder configured the address box appears and speaks the Nominatim search API. The geocoder here is a
     * stand-in HTTP server in the test JVM (no test reaches the internet), and the configuration the page reads
     * ({@code /portal/config.json}) is replaced before the page's scripts run (CDP), so the shared server is not
     * reconfigured; the CSP is bypassed for this page because the server's policy names no geocoder.
     */
    @Test
    void aConfiguredGeocoderShowsTheAddressBoxAndFindsTheDistrict() throws Exception {
        assumeRealPraha();
        com.sun.net.httpserver.HttpServer geocoder = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        List<String> queries = new ArrayList<>();
        geocoder.createContext("/search", exchange -> {
            queries.add(exchange.getRequestURI().getQuery());
            byte[] body = ("[{\"lat\":\"" + OLD_TOWN[0] + "\",\"lon\":\"" + OLD_TOWN[1] + "\","
                    + "\"display_name\":\"Bartolomějská 14, Praha 1\"}]").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        geocoder.start();
        try (Browser b = new Browser()) {
            String url = "http://127.0.0.1:" + geocoder.getAddress().getPort();
            b.driver.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
            b.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "window.SC = {_config: Promise.resolve({geocoderUrl: '" + url + "', issuer: '', clientId: ''})};"));
            b.open("/portal/praha?lang=cs");
            WebElement address = b.waitFor("#address");
            address.sendKeys("Bartolomějská 14");
            address.sendKeys(Keys.ENTER);
            b.waitFor("#address-results button").click();
            b.waitForText("#find-result", "Praha 1 – okrsek 5", 20);
            assertTrue(queries.get(0).contains("format=jsonv2") && queries.get(0).contains("q=Bartolom"), queries.toString());
        } finally {
            geocoder.stop(0);
        }
    }

    /** A configured tile URL draws a base map under the districts (tiles from a stand-in server in the test JVM). */
    @Test
    void aConfiguredTileServerDrawsTheBaseMap() throws Exception {
        com.sun.net.httpserver.HttpServer tiles = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
        tiles.createContext("/", exchange -> {
            served.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.length);
            exchange.getResponseBody().write(png);
            exchange.close();
        });
        tiles.start();
        try (Browser b = new Browser()) {
            String url = "http://127.0.0.1:" + tiles.getAddress().getPort() + "/{z}/{x}/{y}.png";
            b.driver.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
            b.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "window.SC = {_config: Promise.resolve({tileUrl: '" + url + "', tileAttribution: 'test tiles',"
                            + " issuer: '', clientId: ''})};"));
            b.open("/portal/sokolov?lang=en");
            b.waitFor("#district-map[data-loaded]");
            b.wait(20).until(d -> served.get() > 0 && !b.all(".leaflet-tile-pane img").isEmpty());
            assertTrue(b.find(".leaflet-control-attribution").getText().contains("test tiles"));
        } finally {
            tiles.stop(0);
        }
    }

    @Test
    void districtCardShowsTheWorkingGroupWithVCardsAndPrintsAsABusinessCard() throws Exception {
        assumeRealPraha();
        browser.open(CENTRE + "?lang=en");
        browser.waitFor("ul.people");
        String people = browser.find("ul.people").getText();
        assertTrue(people.contains("Jan Novák (demo)") && people.contains("state police officer"), people);
        assertTrue(people.contains("+420 999 100 101"), people);
        String vcard = browser.find("ul.people a[download]").getAttribute("href");
        var reply = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(vcard)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode());
        assertTrue(reply.body().startsWith("BEGIN:VCARD"), reply.body());
        assertTrue(browser.find(".places").getText().contains("Obvodní oddělení PČR Staré Město"));
        assertTrue(browser.all("#print").size() == 1, "a print button");
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertFalse(browser.find(".site-header").isDisplayed(), "the printed card has no page header");
            assertTrue(browser.find("ul.people").isDisplayed());
            browser.screenshot("district-card-print");
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void languageSwitchChangesTextsAndHtmlLang() {
        browser.open("/portal/praha?lang=cs");
        assertEquals("cs", browser.js("return document.documentElement.lang"));
        assertEquals("Najít můj okrsek", browser.find("#find-h").getText());
        browser.switchLanguage("en");
        assertEquals("Find my district", browser.find("#find-h").getText());
        assertEquals("Česky", browser.find("#lang-switch").getText());
        browser.switchLanguage("cs");
        assertEquals("Najít můj okrsek", browser.find("#find-h").getText());
    }

    @Test
    void everyPublicPageHasNoSeriousAccessibilityViolationsInBothLanguages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("cities", "/portal/");
        pages.put("praha-home", "/portal/praha");
        pages.put("plzen-home", "/portal/plzen");
        pages.put("district-card", centre());
        pages.put("sokolov-home", "/portal/sokolov");
        pages.put("contact-form", "/portal/praha/contact");
        pages.put("statistics", "/portal/praha/statistics");
        pages.put("survey", "/portal/praha/survey");
        pages.put("console-login", "/portal/console");
        List<String> failures = new ArrayList<>();
        for (String lang : List.of("cs", "en")) {
            for (var page : pages.entrySet()) {
                browser.size(Browser.DESKTOP);
                browser.open(page.getValue() + "?lang=" + lang);
                waitForMaps();
                assertEquals(lang, browser.js("return document.documentElement.lang"));
                browser.seriousAccessibilityViolations()
                        .forEach(v -> failures.add(page.getKey() + " [" + lang + "]: " + v));
                browser.screenshot(page.getKey() + "-" + lang + "-desktop");
                browser.size(Browser.PHONE);
                waitForMaps();
                browser.screenshot(page.getKey() + "-" + lang + "-phone");
                browser.seriousAccessibilityViolations()
                        .forEach(v -> failures.add(page.getKey() + " [" + lang + ", phone]: " + v));
            }
        }
        browser.size(Browser.DESKTOP);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void pagesCarryAContentSecurityPolicyAndLogNoErrors() throws Exception {
        var reply = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                URI.create(SystemTestSupport.BASE + centre())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode());
        String csp = reply.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        browser.consoleErrors();
        browser.open(centre());
        waitForMaps();
        browser.open("/portal/praha");
        waitForMaps();
        List<String> errors = browser.consoleErrors();
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }

    /**
     * Reported, not asserted: the district page's time to interactive (Navigation Timing
     * {@code domInteractive}, and {@code domContentLoadedEventEnd} and {@code loadEventEnd}) with an empty cache in
     * a new browser, and the gzip size of all its JavaScript and CSS.
     */
    @Test
    void districtPageFiguresAreReported() throws Exception {
        assumeRealPraha();
        Map<String, Object> timing;
        List<String> assets;
        try (Browser fresh = new Browser()) {
            fresh.open(CENTRE);
            fresh.waitFor("ul.people");
            timing = castMap(fresh.js("var n = performance.getEntriesByType('navigation')[0];"
                    + "return {interactive: n.domInteractive, contentLoaded: n.domContentLoadedEventEnd,"
                    + " load: n.loadEventEnd, rendered: performance.now()};"));
            fresh.waitFor("#card-map[data-loaded]"); // the map's library is loaded on demand: count it too
            assets = castList(fresh.js("return performance.getEntriesByType('resource')"
                    + ".filter(function (r) { return /\\.(js|css)(\\?|$)/.test(r.name); })"
                    + ".map(function (r) { return r.name; });"));
        }
        long raw = 0;
        long gzip = 0;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String url : assets) {
            byte[] body = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            raw += body.length;
            gzip += gzipped(body);
        }
        String report = String.format(
                "district page %s (empty cache, new browser; load average %s): domInteractive %.0f ms, DOMContentLoaded %.0f ms, "
                        + "load %.0f ms, card rendered by %.0f ms%nJavaScript + CSS (map included): %d files, %d kB raw, %d kB gzip%n",
                CENTRE, loadAverage(), num(timing.get("interactive")), num(timing.get("contentLoaded")), num(timing.get("load")),
                num(timing.get("rendered")), assets.size(), raw / 1024, gzip / 1024);
        System.out.print(report);
        Files.createDirectories(Browser.SCREENSHOTS.getParent());
        Files.writeString(Browser.SCREENSHOTS.getParent().resolve("portal-figures.txt"), report + assets + "\n");
        assertFalse(assets.isEmpty());
    }

    /* ---- helpers ---- */

    static void typeCoordinates(Browser browser, String lat, String lon) {
        WebElement latInput = browser.find("#lat");
        latInput.clear();
        latInput.sendKeys(lat);
        WebElement lonInput = browser.find("#lon");
        lonInput.clear();
        lonInput.sendKeys(lon);
        browser.find("#coords-form button[type=submit]").click();
    }

    /** Clicks the city map where the given WGS84 point is drawn (a real mouse click at that pixel). */
    static void clickMapAt(Browser browser, double lat, double lon) {
        WebElement map = browser.find("#district-map");
        browser.js("arguments[0].scrollIntoView({block: 'center'});", map);
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) browser.js(
                "var m = SC.currentMap.map; m.setView([arguments[0], arguments[1]], 16, {animate: false});"
                        + "var pt = m.latLngToContainerPoint([arguments[0], arguments[1]]);"
                        + "var s = m.getSize(); return {x: pt.x - s.x / 2, y: pt.y - s.y / 2};", lat, lon);
        new Actions(browser.driver).moveToElement(map, (int) Math.round(num(p.get("x"))), (int) Math.round(num(p.get("y"))))
                .click().perform();
    }

    static void waitForMaps() {
        browser.wait(30).until(d -> Boolean.TRUE.equals(browser.js(
                "return Array.prototype.every.call(document.querySelectorAll('.map'),"
                        + " function (m) { return m.hasAttribute('data-loaded'); })")));
    }

    /** The machine's 1-minute load average, to read the timing with (the tests share 2 cores with the stack). */
    static String loadAverage() {
        try {
            return Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static long gzipped(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        }
        return out.size();
    }

    static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<String> castList(Object o) {
        return (List<String>) o;
    }
}
