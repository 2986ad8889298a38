package cz.safecity.system.portal;

import static cz.safecity.system.SystemTestSupport.post;
import static cz.safecity.system.SystemTestSupport.put;
import static cz.safecity.system.SystemTestSupport.send;
import static cz.safecity.system.portal.PortalFlowIT.collection;
import static cz.safecity.system.portal.PortalFlowIT.feature;
import static cz.safecity.system.portal.PortalFlowIT.login;
import static cz.safecity.system.portal.PortalFlowIT.prefixed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.MailCatcher;
import cz.safecity.system.SystemTestSupport;
import cz.safecity.system.TestStaff;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The staff console's newer screens in a real browser with real Keycloak logins, each in a test city of its own
 * (offboarded after the class, test persons deleted): a city admin edits a module setting through the settings
 * form (the API's problem shown beside the field), creates a feeling-of-safety survey and reads its results per
 * district, imports a small crime CSV (in the request, then again as a polled background job) and reads the report;
 * a police officer records attendance and a decision, marks a past meeting held, moves one occurrence and cancels
 * another; a citizen opens the confirmation link of the mail and sees the outcome in the mail's language.
 * axe-core finds no serious or critical violation on these screens in Czech and English; screenshots go to
 * {@code target/screenshots/}.
 */
class PortalConsoleIT {

    private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

    /** A test city with two districts A (west) and B (east), valid since 2020, and the given modules enabled. */
    static String city(String name, String... modules) {
        String city = SystemTestSupport.newCity(name, null);
        assertEquals(200, send("PUT", "/api/cities/" + city + "/outline", "platform-admin", "application/geo+json",
                "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                        + "[[[14.40,50.08],[14.42,50.08],[14.42,50.10],[14.40,50.10],[14.40,50.08]]]}}").status());
        var imported = send("POST", "/api/cities/" + city + "/boundaries?codeProperty=code&nameProperty=name"
                        + "&validFrom=2020-01-01", "platform-admin", "application/geo+json",
                collection(feature("A", "Západ", 14.40, 50.08, 14.41, 50.10), feature("B", "Východ", 14.41, 50.08, 14.42, 50.10)));
        assertEquals(201, imported.status(), imported.toString());
        for (String m : modules) {
            var r = put("/api/cities/" + city + "/modules/" + m, "platform-admin", "{\"enabled\":true}");
            assertEquals(200, r.status(), r.toString());
        }
        return city;
    }

    @Test
    void aCityAdminEditsASettingCreatesASurveyAndImportsCrimeRecords() throws Exception {
        String city = city("Portál konzole IT", "stats");
        String admin = TestStaff.person(city, "city-admin");
        List<String> a11y = new ArrayList<>();
        try (Browser b = new Browser()) {
            // module settings: one field per key; the API's problem for settings.publicMinCount is shown beside it
            b.open("/portal/console/" + city + "/modules?lang=en");
            login(b, admin);
            WebElement minCount = b.waitFor("#setting-stats-publicMinCount");
            assertEquals("number", minCount.getAttribute("type"));
            assertEquals("checkbox", b.find("#setting-stats-publishClearanceRate").getAttribute("type"));
            assertEquals("Smallest published count (smaller ones are hidden)",
                    b.find("label[for=setting-stats-publicMinCount]").getText());
            replace(minCount, "1.5");
            b.find("#module-save-stats").click();
            b.waitForText("#setting-stats-publicMinCount-error", "whole number", 20);
            assertEquals("true", b.find("#setting-stats-publicMinCount").getAttribute("aria-invalid"));
            a11y.addAll(prefixed("modules with an error [en]", b.seriousAccessibilityViolations()));
            b.screenshot("console-modules-error-en-desktop");
            replace(b.find("#setting-stats-publicMinCount"), "5");
            b.find("#module-save-stats").click();
            b.waitForText("#modules-status-stats", "Saved", 20);
            assertEquals("", b.find("#setting-stats-publicMinCount-error").getText());
            JsonObject stats = SystemTestSupport.get("/api/cities/" + city + "/modules", null).array().stream()
                    .map(v -> v.asJsonObject()).filter(o -> o.getString("module").equals("stats")).findFirst().orElseThrow();
            assertEquals(5, stats.getJsonObject("settings").getInt("publicMinCount"), stats.toString());
            b.switchLanguage("cs");
            a11y.addAll(prefixed("modules [cs]", b.seriousAccessibilityViolations()));
            b.screenshot("console-modules-cs-desktop");

            // a survey: period, window in the city's zone, a question for district A; a wrong window is named
            int year = LocalDate.now(PRAGUE).getYear();
            b.open("/portal/console/" + city + "/surveys?lang=cs");
            b.waitFor("#survey-title").sendKeys("Pocit bezpečí " + year + " (test)");
            setValue(b, "#survey-from", year + "-01");
            setValue(b, "#survey-to", year + "-12");
            setValue(b, "#survey-opens", (year - 1) + "-12-01T08:00");
            setValue(b, "#survey-closes", (year - 1) + "-11-01T08:00");
            b.find("#q-key-0").sendKeys("noc");
            b.find("#q-text-0").sendKeys("Cítíte se bezpečně na zastávce v noci?");
            b.find("#q-districts-0").sendKeys("A");
            a11y.addAll(prefixed("new survey [cs]", b.seriousAccessibilityViolations()));
            b.screenshot("console-survey-new-cs-desktop");
            b.find("#survey-save").click();
            b.waitForText("#survey-closes-error", "opensAt", 20);
            setValue(b, "#survey-closes", (year + 1) + "-01-31T23:00");
            b.find("#survey-save").click();
            b.wait(20).until(d -> d.getCurrentUrl().contains("/surveys?survey="));
            b.waitFor("#survey-results");
            String survey = b.driver.getCurrentUrl().replaceAll(".*survey=", "");
            var paper = post("/api/cities/" + city + "/surveys/" + survey + "/paper-responses", "platform-admin",
                    "[{\"district\":\"A\",\"safety\":3,\"answers\":{\"noc\":4}},{\"district\":\"A\",\"safety\":4},"
                            + "{\"district\":\"A\",\"safety\":1,\"answers\":{\"noc\":2}},{\"district\":\"B\",\"safety\":2}]");
            assertEquals(200, paper.status(), paper.toString());
            b.open("/portal/console/" + city + "/surveys?survey=" + survey + "&lang=cs");
            String results = b.waitFor("#survey-results").getText();
            assertTrue(results.contains("Západ") && results.contains("Východ"), results);
            WebElement rowA = b.find("#survey-results tbody tr:first-child");
            assertTrue(rowA.getText().startsWith("Západ 3 66,7 %"), rowA.getText());
            assertTrue(rowA.getText().contains("málo odpovědí"), "under surveyMinAnswers: marked " + rowA.getText());
            assertTrue(rowA.getAttribute("class").contains("too-few"));
            a11y.addAll(prefixed("survey results [cs]", b.seriousAccessibilityViolations()));
            b.screenshot("console-survey-results-cs-desktop");
            b.switchLanguage("en");
            assertTrue(b.waitFor("#survey-results").getText().contains("too few answers"));
            a11y.addAll(prefixed("survey results [en]", b.seriousAccessibilityViolations()));
            b.screenshot("console-survey-results-en-desktop");
            b.open("/portal/console/" + city + "/surveys?lang=en");
            assertTrue(b.waitFor("a[data-survey='" + survey + "']").getText().contains("(test)"));
            a11y.addAll(prefixed("surveys [en]", b.seriousAccessibilityViolations()));
            // an invitation survey: one-time codes made on the results page, shown once
            var invited = post("/api/cities/" + city + "/surveys", "platform-admin", "{\"title\":\"Pozvaní (test)\",\"periodFrom\":\""
                    + year + "-01\",\"periodTo\":\"" + year + "-12\",\"opensAt\":\"" + (year - 1) + "-12-01T00:00\","
                    + "\"closesAt\":\"" + (year + 1) + "-01-31T00:00\",\"access\":\"invitation\",\"questions\":[]}");
            assertEquals(201, invited.status(), invited.toString());
            b.open("/portal/console/" + city + "/surveys?survey=" + invited.json().getJsonNumber("id") + "&lang=en");
            replace(b.waitFor("#invite-count"), "3");
            b.find("#invite-make").click();
            b.waitFor("#invite-list");
            String codes = String.valueOf(b.js("return document.getElementById('invite-list').value"));
            assertEquals(3, codes.lines().filter(l -> !l.isBlank()).count(), codes);
            a11y.addAll(prefixed("invitations [en]", b.seriousAccessibilityViolations()));

            // crime import: cz-police, one located, one without coordinates, one with a date that does not exist
            String month = YearMonth.now(PRAGUE).minusMonths(1).toString();
            Path csv = Files.createTempFile("crimes", ".csv");
            Files.writeString(csv, "id,x,y,mp,date,state,relevance,types\n"
                    + "T-1,14.405,50.09,1," + month + "-02,1,1,302\n"
                    + "T-2,,,1," + month + "-03,2,1,101\n"
                    + "T-3,14.405,50.09,1,2026-02-30,1,1,302\n");
            b.open("/portal/console/" + city + "/crime-import?lang=en");
            b.waitFor("#import-file").sendKeys(csv.toAbsolutePath().toString());
            new Select(b.find("#import-format")).selectByValue("mapped");
            assertTrue(b.waitFor("#mapping").isDisplayed(), "the column mapping for the mapped format");
            a11y.addAll(prefixed("crime import, mapped [en]", b.seriousAccessibilityViolations()));
            new Select(b.find("#import-format")).selectByValue("cz-police");
            assertFalse(b.find("#mapping").isDisplayed());
            b.find("#import-send").click();
            b.waitFor("#import-report");
            assertEquals("2", b.find("#rep-imported").getText());
            assertEquals("0", b.find("#rep-duplicates").getText());
            assertEquals("1", b.find("#rep-unlocated").getText());
            assertEquals("1", b.find("#rep-rejected").getText());
            String rejected = b.find("#import-report table").getText();
            assertTrue(rejected.contains("4"), "the line of the bad date: " + rejected);
            a11y.addAll(prefixed("crime import report [en]", b.seriousAccessibilityViolations()));
            b.screenshot("console-crime-import-en-desktop");
            // the same file again, as a background job followed by polling: all duplicates
            b.find("#import-async").click();
            b.find("#import-send").click();
            b.wait(60).until(d -> !b.all("#rep-duplicates").isEmpty() && b.find("#rep-duplicates").getText().equals("2"));
            assertEquals("0", b.find("#rep-imported").getText());
            b.waitForText("#import-jobs", "done", 20);
            b.switchLanguage("cs");
            b.waitFor("#import-form");
            a11y.addAll(prefixed("crime import [cs]", b.seriousAccessibilityViolations()));
            b.size(Browser.PHONE);
            b.screenshot("console-crime-import-cs-phone");
            a11y.addAll(prefixed("crime import [cs, phone]", b.seriousAccessibilityViolations()));
            b.size(Browser.DESKTOP);
        }
        JsonArray jobs = SystemTestSupport.get("/api/cities/" + city + "/crime-records/imports", "platform-admin").array();
        assertEquals(2, jobs.size(), jobs.toString());
        assertTrue(a11y.isEmpty(), String.join("\n", a11y));
    }

    @Test
    void anOfficerRecordsAttendanceAndADecisionAndMovesAndCancelsOccurrences() {
        String city = city("Portál jednání IT", "events");
        LocalDate today = LocalDate.now(PRAGUE);
        var body = post("/api/cities/" + city + "/bodies", "platform-admin",
                "{\"kind\":\"district-working-group\",\"name\":\"Pracovní skupina okrsku Západ (test)\",\"scope\":\"district\","
                        + "\"scopeCode\":\"A\",\"series\":{\"rrule\":\"FREQ=WEEKLY\",\"start\":\"" + today.minusWeeks(3)
                        + "T17:00\",\"durationMinutes\":90,\"location\":\"Radnice, zasedačka\"}}");
        assertEquals(201, body.status(), body.toString());
        long bodyId = body.json().getJsonNumber("id").longValue();
        for (String member : List.of("{\"name\":\"Jana Dvořáková (test)\",\"role\":\"constable\",\"institution\":\"Městská policie\"}",
                "{\"name\":\"Petr Král (test)\",\"role\":\"councillor\",\"institution\":\"Rada města\"}")) {
            var m = post("/api/cities/" + city + "/bodies/" + bodyId + "/members", "platform-admin", member);
            assertEquals(201, m.status(), m.toString());
        }
        var measure = post("/api/cities/" + city + "/measures", "platform-admin", "{\"title\":\"Osvětlení podchodu (test)\","
                + "\"owner\":\"Jana Dvořáková (test)\",\"district\":\"A\",\"deadline\":\"" + today.plusMonths(2) + "\"}");
        assertEquals(201, measure.status(), measure.toString());
        long measureId = measure.json().getJsonNumber("id").longValue();
        String officer = TestStaff.person(city, "police-officer");
        String decision = "Hlídky v ulici Nádražní posílit o víkendech. (test " + UUID.randomUUID().toString().substring(0, 6) + ")";
        String newDate = today.plusDays(10).toString();
        List<String> a11y = new ArrayList<>();
        try (Browser b = new Browser()) {
            b.open("/portal/console/" + city + "/meetings?body=" + bodyId + "&lang=cs");
            login(b, officer);
            b.waitFor("#occurrences");
            List<String> upcoming = b.all("#occurrences a").stream().map(a -> a.getAttribute("href")).toList();
            assertTrue(upcoming.size() >= 2, upcoming.toString());
            a11y.addAll(prefixed("body [cs]", b.seriousAccessibilityViolations()));

            // a past meeting: attendance (the members are offered), a decision, held
            b.waitFor("#past-occurrences a").click();
            b.waitFor("#attendance-form");
            assertEquals("Jana Dvořáková (test)", b.find("#att-name-1").getAttribute("value"));
            b.find("#att-present-1").click();
            b.find("#att-name-3").sendKeys("Host z ÚMČ (test)");
            b.find("#att-present-3").click();
            a11y.addAll(prefixed("meeting [cs]", b.seriousAccessibilityViolations()));
            b.screenshot("console-meeting-cs-desktop");
            b.find("#attendance-save").click();
            b.waitForText("#meeting-status", "přítomno: 2", 20);
            List<String> recorded = b.all("#attendance .att-name").stream().map(e -> e.getAttribute("value")).toList();
            assertTrue(recorded.containsAll(List.of("Jana Dvořáková (test)", "Petr Král (test)", "Host z ÚMČ (test)")),
                    "the recorded list is shown: " + recorded);
            b.find("#decision-text").sendKeys(decision);
            new Select(b.find("#decision-measure")).selectByValue(String.valueOf(measureId));
            b.find("#decision-save").click();
            b.waitForText("#decisions", decision, 20);
            b.find("#mark-held").click();
            b.waitForText("#occurrence-status", "proběhla", 20);
            assertTrue(b.all("#move-form").isEmpty(), "a held meeting is not moved");
            String pastRid = rid(b.driver.getCurrentUrl());
            JsonObject held = SystemTestSupport.get("/api/cities/" + city + "/bodies/" + bodyId + "/occurrences/" + pastRid,
                    "platform-admin").json();
            assertEquals("held", held.getJsonObject("occurrence").getString("status"));
            assertEquals(2, held.getJsonArray("attendance").stream().filter(p -> p.asJsonObject().getBoolean("present")).count(),
                    held.toString());
            assertEquals(decision, held.getJsonArray("decisions").getJsonObject(0).getString("text"));
            assertEquals(measureId, held.getJsonArray("decisions").getJsonObject(0).getJsonNumber("measureId").longValue());
            b.switchLanguage("en");
            a11y.addAll(prefixed("meeting held [en]", b.seriousAccessibilityViolations()));
            b.screenshot("console-meeting-held-en-desktop");

            // the next meeting moves to a new local date and time
            b.driver.get(upcoming.get(0) + "&lang=en");
            b.waitRendered();
            b.waitFor("#move-form");
            setValue(b, "#move-date", newDate);
            setValue(b, "#move-time", "18:30");
            a11y.addAll(prefixed("meeting [en]", b.seriousAccessibilityViolations()));
            b.find("#move-save").click();
            b.waitForText("#occurrence-status", "moved", 20);
            String movedRid = rid(upcoming.get(0));
            JsonObject moved = SystemTestSupport.get("/api/cities/" + city + "/bodies/" + bodyId + "/occurrences/" + movedRid,
                    null).json().getJsonObject("occurrence");
            assertEquals("moved", moved.getString("status"));
            assertTrue(moved.getString("start").startsWith(newDate + "T18:30"), moved.toString());

            // the one after it is cancelled with a reason
            b.driver.get(upcoming.get(1) + "&lang=cs");
            b.waitRendered();
            b.waitFor("#cancel-reason-text").sendKeys("Svátek (test)");
            b.find("#cancel-save").click();
            b.waitForText("#occurrence-status", "zrušena", 20);
            assertEquals("Svátek (test)", b.find("#cancel-reason").getText());
            a11y.addAll(prefixed("meeting cancelled [cs]", b.seriousAccessibilityViolations()));
            b.size(Browser.PHONE);
            b.screenshot("console-meeting-cancelled-cs-phone");
            a11y.addAll(prefixed("meeting cancelled [cs, phone]", b.seriousAccessibilityViolations()));
            b.size(Browser.DESKTOP);

            // the measure the decision set up: its status and an effectiveness review
            b.open("/portal/console/" + city + "/measures?measure=" + measureId + "&lang=en");
            new Select(b.waitFor("#measure-status")).selectByValue("in-progress");
            b.find("#measure-status-form button[type=submit]").click();
            b.waitForText("#measure-state", "in progress", 20);
            new Select(b.find("#r-rating")).selectByValue("4");
            b.find("#r-note").sendKeys("Méně stížností na tmu. (test)");
            b.find("#review-form button[type=submit]").click();
            b.waitForText("main table", "Méně stížností na tmu. (test)", 20);
            a11y.addAll(prefixed("measure [en]", b.seriousAccessibilityViolations()));
            b.screenshot("console-measure-en-desktop");
        }
        assertTrue(a11y.isEmpty(), String.join("\n", a11y));
    }

    @Test
    void theConfirmationLinkOfTheMailConfirmsTheAddressOnAPortalPage() {
        String city = city("Portál potvrzení IT", "messaging");
        String email = "t-confirm-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var submitted = post("/api/cities/" + city + "/messaging/matters", null,
                "{\"category\":\"noise\",\"text\":\"Hluk v noci (test)\",\"district\":\"A\",\"consent\":true,\"locale\":\"en\","
                        + "\"contact\":{\"name\":\"Jana Občanová\",\"email\":\"" + email + "\"}}");
        assertEquals(201, submitted.status(), submitted.toString());
        String mail = MailCatcher.awaitMail(email, "").body(); // the first mail to the address
        Matcher link = Pattern.compile("https?://[^/\\s]+(/portal/" + Pattern.quote(city)
                + "/track/[A-Za-z0-9_-]{43}/confirm/[A-Za-z0-9_-]{43}\\?lang=en)").matcher(mail);
        assertTrue(link.find(), "the confirmation link is the portal's page, in the mail's language: " + mail);
        List<String> a11y = new ArrayList<>();
        try (Browser b = new Browser()) {
            b.open(link.group(1));
            b.waitForText("#confirm-result", "your e-mail address is confirmed", 20);
            assertEquals("en", b.js("return document.documentElement.lang"));
            a11y.addAll(prefixed("confirmed [en]", b.seriousAccessibilityViolations()));
            b.screenshot("confirm-en-desktop");
            b.switchLanguage("cs");
            b.waitForText("#confirm-result", "adresa je potvrzena", 20);
            a11y.addAll(prefixed("confirmed [cs]", b.seriousAccessibilityViolations()));
            b.find("#confirm-thread").click();
            b.waitFor("#thread");
        }
        try (Browser b = new Browser()) {
            b.open(link.group(1));
            b.waitForText("#confirm-result", "was used already", 20);
            a11y.addAll(prefixed("used link [en]", b.seriousAccessibilityViolations()));
        }
        assertTrue(a11y.isEmpty(), String.join("\n", a11y));
    }

    /* ---- helpers ---- */

    private static void replace(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    /** Sets a date, time, month or datetime-local input (their typing differs per browser locale) and fires input. */
    private static void setValue(Browser b, String css, String value) {
        b.js("var e = arguments[0]; e.value = arguments[1]; e.dispatchEvent(new Event('input', {bubbles: true}));"
                + " e.dispatchEvent(new Event('change', {bubbles: true}));", b.find(css), value);
        assertEquals(value, b.js("return arguments[0].value", b.find(css)), css);
    }

    /** The recurrence id (rid=…) of a console meeting URL. */
    private static String rid(String url) {
        Matcher m = Pattern.compile("[?&]rid=([^&]+)").matcher(url);
        assertTrue(m.find(), url);
        return java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }
}
