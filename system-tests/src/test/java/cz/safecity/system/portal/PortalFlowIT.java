package cz.safecity.system.portal;

import static cz.safecity.system.SystemTestSupport.put;
import static cz.safecity.system.SystemTestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cz.safecity.system.SystemTestSupport;
import cz.safecity.system.TestStaff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The end-to-end flows in a real browser with real Keycloak logins (authorization code + PKCE through the
 * portal's client {@code safecity-portal}): a citizen finds a Prague district by clicking the map and writes to its
 * working group (in a test city with Praha's real districts; flows that write never touch the demo cities, and
 * every test city is offboarded after the class), the constable (a test person) logs in, answers, and logs out (the Keycloak session ends), the citizen sees the
 * answer on the thread page; an administrator previews (dry run) and imports a district file in the console; the
 * coordinator exports the city comparison as CSV. Console pages are checked with axe-core too.
 */
class PortalFlowIT {

    @Test
    void citizenWritesTheConstableAnswersAndTheCitizenSeesTheAnswer() throws Exception {
        // the flow writes (a matter, replies): it runs in its own test city with Praha's real districts, offboarded
        // after the class, and the constable is a test person holding the role there, in district 1-5's working group
        Path data = Path.of(System.getProperty("shared.data", "../../shared/data"));
        assumeTrue(Files.exists(data.resolve("praha-mp-districts.geojson")), "no shared data at " + data);
        String city = SystemTestSupport.newCity("Praha portál IT", null);
        assertEquals(200, put("/api/cities/" + city + "/levels", "platform-admin",
                "{\"levels\":[{\"key\":\"city\",\"name\":\"Město\"},{\"key\":\"borough\",\"name\":\"Obvod\"},"
                        + "{\"key\":\"district\",\"name\":\"Okrsek\"}]}").status());
        var outline = send("PUT", "/api/cities/" + city + "/outline?property=ok&value=Praha", "platform-admin",
                "application/geo+json", Files.readString(data.resolve("cz-municipalities.geojson")));
        assertEquals(200, outline.status(), outline.toString());
        var imported = send("POST", "/api/cities/" + city + "/boundaries?codeTemplate=%7Bmc_praha%7D-%7Bokrsek%7D"
                        + "&boroughProperty=mc_praha&createBoroughs=true", "platform-admin", "application/geo+json",
                Files.readString(data.resolve("praha-mp-districts.geojson")));
        assertEquals(201, imported.status(), imported.toString());
        String constableUser = TestStaff.person(city, "constable");
        var member = SystemTestSupport.post("/api/cities/" + city + "/districts/1-5/working-group/constable",
                "platform-admin", "{\"username\":\"" + constableUser + "\",\"displayName\":\"Strážník (test)\","
                        + "\"demo\":true}");
        assertEquals(201, member.status(), member.toString());
        String centre = "/portal/" + city + "/districts/1-5";
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String question = "Na Bartolomějské stojí každou noc auta na chodníku. (test " + marker + ")";
        String answer = "Děkujeme, hlídka to zkontroluje. (test " + marker + ")";
        List<String> a11y = new ArrayList<>();
        String trackingUrl;
        String matterId;
        try (Browser citizen = new Browser()) {
            citizen.open("/portal/" + city + "?lang=cs");
            citizen.waitFor("#district-map[data-loaded]");
            PortalIT.clickMapAt(citizen, PortalIT.OLD_TOWN[0], PortalIT.OLD_TOWN[1]);
            citizen.waitFor("#open-card").click();
            citizen.wait(20).until(d -> d.getCurrentUrl().endsWith(centre));
            citizen.waitFor("a.button[href*='/contact?district=1-5']").click();
            citizen.waitFor("#contact-form");
            new Select(citizen.find("#category")).selectByIndex(1);
            assertEquals("1-5", new Select(citizen.find("#district")).getFirstSelectedOption().getAttribute("value"));
            citizen.find("#text").sendKeys(question);
            citizen.find("#consent").click();
            a11y.addAll(prefixed("contact form", citizen.seriousAccessibilityViolations()));
            citizen.screenshot("contact-form-cs-desktop");
            citizen.find("#send").click();
            WebElement link = citizen.waitFor("#tracking-link");
            trackingUrl = link.getAttribute("href");
            assertTrue(trackingUrl.contains("/portal/" + city + "/track/"), trackingUrl);
            matterId = citizen.find("h1").getText().replaceAll("\\D", "");
            assertFalse(matterId.isEmpty());
            assertTrue(citizen.find("#ladder li[aria-current]").getText().contains("Pracovní skupina"));
            a11y.addAll(prefixed("thread", citizen.seriousAccessibilityViolations()));
            citizen.screenshot("thread-new-cs-desktop");
        }

        try (Browser constable = new Browser()) {
            constable.open("/portal/console/" + city + "/inbox?lang=cs");
            login(constable, constableUser);
            constable.waitFor("table#inbox");
            a11y.addAll(prefixed("inbox", constable.seriousAccessibilityViolations()));
            constable.screenshot("console-inbox-cs-desktop");
            constable.size(Browser.PHONE);
            constable.screenshot("console-inbox-cs-phone");
            constable.size(Browser.DESKTOP);
            constable.waitFor("a[data-matter='" + matterId + "']").click();
            constable.waitFor("#staff-reply").sendKeys(answer);
            a11y.addAll(prefixed("matter", constable.seriousAccessibilityViolations()));
            constable.find("#send-reply").click();
            constable.wait(20).until(d -> constable.find("#thread").getText().contains(answer));
            constable.screenshot("console-matter-cs-desktop");
            constable.find("#logout").click();
            constable.wait(30).until(d -> d.getCurrentUrl().startsWith(SystemTestSupport.BASE + "/portal/"));
            constable.waitRendered();
            // the Keycloak session is over: logging in again asks for the password
            constable.open("/portal/console");
            constable.waitFor("#login").click();
            constable.wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        }

        try (Browser citizen = new Browser()) {
            citizen.driver.get(trackingUrl + "?lang=cs");
            citizen.waitRendered();
            String thread = citizen.waitFor("#thread").getText();
            assertTrue(thread.contains(answer), thread);
            assertTrue(thread.contains("strážník městské policie"), "who answered, with the role: " + thread);
            citizen.find("#reply-text").sendKeys("Děkuji. (test " + marker + ")");
            citizen.find("#reply-form button[type=submit]").click();
            citizen.wait(20).until(d -> citizen.find("#thread").getText().contains("Děkuji. (test " + marker + ")"));
            citizen.switchLanguage("en");
            a11y.addAll(prefixed("thread [en]", citizen.seriousAccessibilityViolations()));
            citizen.screenshot("thread-answered-en-desktop");
        }
        assertTrue(a11y.isEmpty(), String.join("\n", a11y));
    }

    @Test
    void anAdministratorPreviewsAndImportsADistrictFile() throws Exception {
        String city = SystemTestSupport.newCity("Portal import IT", null);
        assertEquals(200, put("/api/cities/" + city + "/levels", "platform-admin",
                "{\"levels\":[{\"key\":\"city\",\"name\":\"Město\"},{\"key\":\"district\",\"name\":\"Okrsek\"}]}").status());
        assertEquals(200, send("PUT", "/api/cities/" + city + "/outline", "platform-admin", "application/geo+json",
                "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                        + "[[[14.40,50.08],[14.42,50.08],[14.42,50.10],[14.40,50.10],[14.40,50.08]]]}}").status());
        Path bad = Files.createTempFile("districts-bad", ".geojson");
        Files.writeString(bad, collection(feature("A", "West", 14.40, 50.08, 14.41, 50.10),
                feature("A", "Again", 14.41, 50.08, 14.42, 50.10)));
        Path good = Files.createTempFile("districts-good", ".geojson");
        Files.writeString(good, collection(feature("A", "West", 14.40, 50.08, 14.41, 50.10),
                feature("B", "East", 14.41, 50.08, 14.42, 50.10)));
        try (Browser admin = new Browser()) {
            admin.open("/portal/console/" + city + "/boundaries?lang=en");
            login(admin, "platform-admin");
            admin.waitFor("#geojson-file").sendKeys(bad.toAbsolutePath().toString());
            admin.waitFor("#preview-map[data-loaded]");
            admin.find("#code-property").sendKeys("code");
            admin.find("#name-property").sendKeys("name");
            admin.find("#dry-run").click();
            WebElement errors = admin.waitFor("#import-report table");
            assertTrue(errors.getText().contains("A"), errors.getText());
            assertFalse(admin.find("#import").isEnabled(), "nothing to import after a failed dry run");

            admin.find("#geojson-file").sendKeys(good.toAbsolutePath().toString());
            admin.wait(20).until(d -> admin.find("#import-report").getText().contains("2"));
            admin.find("#dry-run").click();
            assertTrue(admin.waitFor("#report-summary").getText().startsWith("Validation passed: 2 districts"));
            assertTrue(SystemTestSupport.get("/api/cities/" + city + "/districts", null).json()
                    .getJsonArray("districts").isEmpty(), "a dry run stores nothing");
            admin.screenshot("console-import-dry-run-en-desktop");
            List<String> a11y = admin.seriousAccessibilityViolations();
            admin.find("#import").click();
            admin.wait(20).until(d -> admin.find("#report-summary").getText().startsWith("Imported as boundary version 1"));
            admin.open("/portal/" + city + "/districts/B?lang=en");
            assertEquals("East", admin.waitFor("h1").getText());
            assertTrue(a11y.isEmpty(), String.join("\n", a11y));
        }
    }

    @Test
    void thePlatformAdminOnboardsACityThroughTheWizard() throws Exception {
        String slug = SystemTestSupport.randomSlug();
        Path outline = Files.createTempFile("outline", ".geojson");
        Files.writeString(outline, collection(feature("X", "Outline", 14.40, 50.08, 14.42, 50.10)));
        List<String> a11y = new ArrayList<>();
        try (Browser admin = new Browser()) {
            admin.open("/portal/console/-/onboarding?lang=cs");
            login(admin, "platform-admin");
            a11y.addAll(prefixed("onboarding [cs]", admin.seriousAccessibilityViolations()));
            admin.find("#new-slug").sendKeys(slug);
            admin.find("#new-name").sendKeys("Průvodce IT");
            admin.find("#new-population").sendKeys("1000");
            admin.find("#city-form button[type=submit]").click();
            admin.wait(30).until(d -> d.getCurrentUrl().contains("/portal/console/" + slug + "/outline"));
            SystemTestSupport.created(slug);
            admin.waitFor("#outline-file").sendKeys(outline.toAbsolutePath().toString());
            admin.find("#outline-form button[type=submit]").click();
            admin.waitForText("#form-status", "Hranice uložena", 30);
            admin.waitFor("#outline-map[data-loaded]");
            WebElement count = admin.find("#provisional-count");
            count.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "4");
            assertEquals("4", count.getAttribute("value"));
            admin.find("#provisional-form button[type=submit]").click();
            admin.waitForText("#form-status", "Vytvořeno 4 předběžných okrsků", 60);
            admin.switchLanguage("en");
            a11y.addAll(prefixed("outline [en]", admin.seriousAccessibilityViolations()));
            admin.screenshot("console-outline-en-desktop");

            String code = SystemTestSupport.get("/api/cities/" + slug + "/districts", null).json()
                    .getJsonArray("districts").getJsonObject(0).getString("code");
            admin.open("/portal/console/" + slug + "/working-groups?district=" + code + "&lang=cs");
            admin.waitFor("#seat-constable-username").sendKeys("constable." + slug);
            admin.find("#seat-constable-name").sendKeys("Karel Strážník (test)");
            admin.find("#seat-constable-phone").sendKeys("+420 999 000 111");
            admin.find("#seat-constable-grant").click(); // no such Keycloak user: only the seat
            admin.find("#seat-constable button[type=submit]").click();
            admin.wait(20).until(d -> admin.find("#seat-constable").getText().contains("Karel Strážník (test)"));
            a11y.addAll(prefixed("working groups [cs]", admin.seriousAccessibilityViolations()));
            admin.screenshot("console-working-groups-cs-desktop");

            admin.open("/portal/console/" + slug + "/hierarchy?lang=en");
            admin.waitFor("#levels-json");
            a11y.addAll(prefixed("hierarchy [en]", admin.seriousAccessibilityViolations()));
            assertEquals(200, put("/api/cities/" + slug + "/modules/events", "platform-admin", "{\"enabled\":true}").status());
            admin.open("/portal/console/" + slug + "/bodies?lang=cs");
            admin.waitFor("#body-name").sendKeys("Pracovní skupina (test)");
            new Select(admin.find("#body-scope")).selectByValue("district");
            admin.find("#body-scope-code").sendKeys(code);
            admin.find("#body-form button[type=submit]").click();
            admin.waitForText("table", "Pracovní skupina (test)", 20);
            a11y.addAll(prefixed("bodies [cs]", admin.seriousAccessibilityViolations()));

            admin.open("/portal/console/" + slug + "/modules?lang=en");
            admin.waitFor("#module-districts");
            a11y.addAll(prefixed("modules [en]", admin.seriousAccessibilityViolations()));

            admin.open("/portal/" + slug + "/districts/" + code + "?lang=cs");
            String people = admin.waitFor("ul.people").getText();
            assertTrue(people.contains("Karel Strážník (test)"), people);
            assertTrue(admin.find(".badge.provisional").isDisplayed(), "generated districts are marked provisional");
        }
        assertTrue(a11y.isEmpty(), String.join("\n", a11y));
    }

    @Test
    void aResidentAnswersTheSurveyAndMarksARiskPlaceOnTheMap() {
        String city = SystemTestSupport.newCity("Portal survey IT", null);
        assertEquals(200, send("PUT", "/api/cities/" + city + "/outline", "platform-admin", "application/geo+json",
                "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                        + "[[[14.40,50.08],[14.42,50.08],[14.42,50.10],[14.40,50.10],[14.40,50.08]]]}}").status());
        var gen = SystemTestSupport.post("/api/cities/" + city + "/districts/provisional", "platform-admin",
                "{\"districts\":4,\"seed\":1}");
        assertTrue(gen.status() == 200 || gen.status() == 201, gen.toString());
        int year = java.time.Year.now().getValue();
        var survey = SystemTestSupport.post("/api/cities/" + city + "/surveys", "platform-admin",
                "{\"title\":\"Pocit bezpečí (test)\",\"periodFrom\":\"" + year + "-01\",\"periodTo\":\"" + year + "-12\","
                        + "\"opensAt\":\"" + (year - 1) + "-12-01T00:00\",\"closesAt\":\"" + (year + 1) + "-12-31T00:00\","
                        + "\"access\":\"open\",\"questions\":[],\"demo\":true}");
        assertEquals(201, survey.status(), survey.toString());
        List<String> a11y = new ArrayList<>();
        try (Browser resident = new Browser()) {
            resident.open("/portal/" + city + "/survey?lang=cs");
            resident.waitFor("#survey-map[data-loaded]");
            new Select(resident.find("#survey-district")).selectByIndex(1);
            resident.find("#safety-3").click();
            resident.js("arguments[0].scrollIntoView({block: 'center'});", resident.find("#survey-map"));
            new org.openqa.selenium.interactions.Actions(resident.driver).moveToElement(resident.find("#survey-map"), 10, 10)
                    .click().perform();
            resident.waitFor("#marked-places li input").sendKeys("Tmavý podchod (test)");
            a11y.addAll(prefixed("survey [cs]", resident.seriousAccessibilityViolations()));
            resident.screenshot("survey-cs-desktop");
            resident.find("#survey-send").click();
            resident.waitFor("#survey-done");
            resident.open("/portal/" + city + "/statistics?lang=en");
            resident.waitFor("#gap-h");
            a11y.addAll(prefixed("statistics [en]", resident.seriousAccessibilityViolations()));
        }
        var places = SystemTestSupport.get("/api/cities/" + city + "/risk-places", null);
        assertTrue(places.body().contains("Tmavý podchod (test)"), places.toString());
        assertTrue(a11y.isEmpty(), String.join("\n", a11y));
    }

    @Test
    void aCitizenNearABoundaryWritesFromThePlaceAndMovesTheMatterToTheNeighbour() {
        String city = SystemTestSupport.newCity("Portal boundary IT", null);
        assertEquals(200, send("PUT", "/api/cities/" + city + "/outline", "platform-admin", "application/geo+json",
                "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                        + "[[[14.40,50.08],[14.42,50.08],[14.42,50.10],[14.40,50.10],[14.40,50.08]]]}}").status());
        var imported = send("POST", "/api/cities/" + city + "/boundaries?codeProperty=code&nameProperty=name",
                "platform-admin", "application/geo+json", collection(feature("A", "West", 14.40, 50.08, 14.41, 50.10),
                        feature("B", "East", 14.41, 50.08, 14.42, 50.10)));
        assertEquals(201, imported.status(), imported.toString());
        try (Browser citizen = new Browser()) {
            citizen.open("/portal/" + city + "?lang=en");
            PortalIT.typeCoordinates(citizen, "50.09", "14.40990"); // 7 m west of the A|B edge
            citizen.waitFor("#find-result .near button").click();
            citizen.waitFor("#write-here").click();
            citizen.waitFor("#contact-form");
            new Select(citizen.find("#category")).selectByIndex(1);
            citizen.find("#text").sendKeys("Near the boundary (test)");
            citizen.find("#consent").click();
            citizen.find("#send").click();
            citizen.waitFor("#tracking-link");
            citizen.waitFor("#move-h");
            citizen.find("section[aria-labelledby=move-h] button").click();
            citizen.waitForText(".facts", "East", 20);
            assertTrue(citizen.all("#move-h").isEmpty(), "a matter moves once");
        }
    }

    @Test
    void aConstableIsOfferedOnlyWhatTheRoleMayDo() {
        List<String> a11y = new ArrayList<>();
        try (Browser constable = new Browser()) {
            constable.open("/portal/console/praha?lang=cs");
            login(constable, "constable.praha");
            List<String> screens = constable.all("nav[aria-label] .tabs a").stream()
                    .map(a -> a.getAttribute("href").replaceAll(".*/praha/", "")).toList();
            assertTrue(screens.containsAll(List.of("inbox", "meetings", "measures", "risk-places")), screens.toString());
            assertFalse(screens.contains("boundaries") || screens.contains("modules") || screens.contains("working-groups")
                    || screens.contains("outline") || screens.contains("messaging-setup"), "city-admin screens: " + screens);
            for (String lang : List.of("cs", "en")) {
                for (String screen : List.of("risk-places", "meetings", "measures", "stats")) {
                    if (!screens.contains(screen)) {
                        continue;
                    }
                    constable.open("/portal/console/praha/" + screen + "?lang=" + lang);
                    constable.waitFor("h1");
                    if (screen.equals("risk-places")) {
                        constable.waitFor("#risk-map[data-loaded]");
                    }
                    a11y.addAll(prefixed(screen + " [" + lang + "]", constable.seriousAccessibilityViolations()));
                    constable.screenshot("console-" + screen + "-" + lang + "-desktop");
                    constable.size(Browser.PHONE);
                    constable.screenshot("console-" + screen + "-" + lang + "-phone");
                    a11y.addAll(prefixed(screen + " [" + lang + ", phone]", constable.seriousAccessibilityViolations()));
                    constable.size(Browser.DESKTOP);
                }
            }
            constable.open("/portal/console/praha/boundaries");
            assertEquals("Page not found", constable.waitFor("h1").getText(), "a screen the role may not use is not there");
        }
        assertTrue(a11y.isEmpty(), String.join("\n", a11y));
    }

    @Test
    void theCoordinatorExportsTheCityComparison() throws Exception {
        try (Browser coordinator = new Browser()) {
            coordinator.open("/portal/console/-/comparison?lang=cs");
            login(coordinator, "coordinator");
            WebElement table = coordinator.waitFor("#comparison table");
            assertTrue(table.getText().contains("Praha"), table.getText());
            assertFalse(table.getText().contains("t-"), "no test cities in the comparison");
            List<String> a11y = coordinator.seriousAccessibilityViolations();
            coordinator.screenshot("console-comparison-cs-desktop");
            coordinator.find("#export-csv").click();
            WebElement link = coordinator.waitFor("#csv-link");
            assertTrue(link.getAttribute("download").endsWith(".csv"), link.getAttribute("download"));
            Path file = coordinator.downloads.resolve(link.getAttribute("download"));
            coordinator.wait(20).until(d -> Files.exists(file));
            String csv = Files.readString(file);
            assertTrue(csv.contains("Praha"), csv);
            assertTrue(a11y.isEmpty(), String.join("\n", a11y));
        }
    }

    /** On the console's login screen: Keycloak's form (authorization code + PKCE), then back in the portal. */
    static void login(Browser b, String username) {
        b.waitFor("#login").click();
        b.wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        if (b.all("#password").isEmpty()) { // organizations on: Keycloak asks for the username first
            b.find("#kc-login").click();
        }
        b.wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("password")))
                .sendKeys(SystemTestSupport.PASSWORD);
        b.find("#kc-login").click();
        b.wait(30).until(d -> d.getCurrentUrl().startsWith(SystemTestSupport.BASE + "/portal/console")
                && !d.getCurrentUrl().contains("/callback"));
        b.waitRendered();
        b.waitFor("#logout");
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    static String feature(String code, String name, double minLon, double minLat, double maxLon, double maxLat) {
        return String.format(java.util.Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"code\":\"%s\",\"name\":\"%s\"},"
                        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],"
                        + "[%.5f,%.5f],[%.5f,%.5f]]]}}", code, name, minLon, minLat, maxLon, minLat, maxLon, maxLat,
                minLon, maxLat, minLon, minLat);
    }

    static List<String> prefixed(String page, List<String> violations) {
        return violations.stream().map(v -> page + ": " + v).toList();
    }
}
