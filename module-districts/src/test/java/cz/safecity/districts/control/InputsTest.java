package cz.safecity.districts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cz.safecity.districts.entity.ContactPoint;
import cz.safecity.platform.json.Inputs;
import cz.safecity.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Request validation of members, contact points, recommendations and locales: 400s name the field. */
class InputsTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-29");

    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    static JsonObjectBuilder member() {
        return Json.createObjectBuilder().add("username", "jan.novak").add("displayName", "Jan Novák");
    }

    static String fieldOf(Runnable r) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        assertEquals(400, e.status(), e.getMessage());
        return e.field();
    }

    @Test
    void memberDefaultsAndFields() {
        MemberInput in = MemberInput.parse(member().add("email", "jan.novak@plzen.eu").add("phone", "+420 378 031 111")
                .add("photoUrl", "https://plzen.eu/foto/1.jpg").add("demo", true).build(), TODAY);
        assertEquals(TODAY, in.from());
        assertEquals("jan.novak@plzen.eu", in.person().email());
        assertEquals(true, in.person().demo());
        assertEquals(LocalDate.parse("2027-01-01"), MemberInput.parse(member().add("from", "2027-01-01").build(),
                TODAY).from());
    }

    @Test
    void memberErrorsNameTheField() {
        assertEquals("email", fieldOf(() -> MemberInput.parse(member().add("email", "not-an-email").build(), TODAY)));
        assertEquals("email", fieldOf(() -> MemberInput.parse(member().add("email", "a@b").build(), TODAY)));
        assertEquals("photoUrl", fieldOf(() -> MemberInput.parse(member().add("photoUrl", "javascript:alert(1)")
                .build(), TODAY)));
        assertEquals("photoUrl", fieldOf(() -> MemberInput.parse(member().add("photoUrl", "foto.jpg").build(),
                TODAY)));
        assertEquals("phone", fieldOf(() -> MemberInput.parse(member().add("phone", "call me").build(), TODAY)));
        assertEquals("phone", fieldOf(() -> MemberInput.parse(member().add("phone", "12").build(), TODAY)));
        assertEquals("displayName", fieldOf(() -> MemberInput.parse(member().add("displayName", "x".repeat(201))
                .build(), TODAY)));
        assertEquals("displayName", fieldOf(() -> MemberInput.parse(json("{\"username\":\"a\"}"), TODAY)));
        assertEquals("username", fieldOf(() -> MemberInput.parse(member().add("username", "jan novak").build(),
                TODAY)));
        assertEquals("officeHours", fieldOf(() -> MemberInput.parse(member().add("officeHours", "x".repeat(501))
                .build(), TODAY)));
        assertEquals("from", fieldOf(() -> MemberInput.parse(member().add("from", "1.12.2026").build(), TODAY)));
        assertEquals("demo", fieldOf(() -> MemberInput.parse(member().add("demo", "yes").build(), TODAY)));
        assertEquals("body", fieldOf(() -> MemberInput.parse(null, TODAY)));
        assertEquals(200, MemberInput.parse(member().add("displayName", "x".repeat(200)).build(), TODAY).person()
                .displayName().length(), "at the limit: accepted as is");
    }

    @Test
    void contactPointRangesNameLatAndLon() {
        JsonObjectBuilder ok = Json.createObjectBuilder().add("district", "1").add("kind", "info-box")
                .add("name", "Info-schránka U Radnice").add("lon", 12.64).add("lat", 50.17);
        ContactPoint.Fields f = ContactPointInput.parse(ok.build());
        assertEquals(12.64, f.lon());
        assertEquals("lat", fieldOf(() -> ContactPointInput.parse(json(
                "{\"district\":\"1\",\"kind\":\"info-box\",\"name\":\"x\",\"lon\":12.6,\"lat\":91}"))));
        assertEquals("lon", fieldOf(() -> ContactPointInput.parse(json(
                "{\"district\":\"1\",\"kind\":\"info-box\",\"name\":\"x\",\"lon\":-181,\"lat\":50}"))));
        assertEquals("lat", fieldOf(() -> ContactPointInput.parse(json(
                "{\"district\":\"1\",\"kind\":\"info-box\",\"name\":\"x\",\"lon\":12.6,\"lat\":\"50\"}"))));
        assertEquals("kind", fieldOf(() -> ContactPointInput.parse(json(
                "{\"district\":\"1\",\"kind\":\"kiosk\",\"name\":\"x\",\"lon\":12.6,\"lat\":50}"))));
        assertEquals("district", fieldOf(() -> ContactPointInput.parse(json(
                "{\"kind\":\"info-box\",\"name\":\"x\",\"lon\":12.6,\"lat\":50}"))));
    }

    @Test
    void localesMustBeTheCitys() {
        List<Locale> city = List.of(Locale.forLanguageTag("cs"), Locale.forLanguageTag("en"));
        assertEquals("cs", CityLocales.choose(city, null, "lang"));
        assertEquals("en", CityLocales.choose(city, "en", "lang"));
        assertEquals("en", CityLocales.choose(city, "en-GB", "lang"));
        assertEquals("cs", CityLocales.choose(city, "CS", "lang"));
        assertEquals("lang", fieldOf(() -> CityLocales.choose(city, "de", "lang")));
        assertEquals("lang", fieldOf(() -> CityLocales.choose(city, "not a tag!", "lang")));
        assertEquals("en", CityLocales.require(city, "EN", "locale"));
        assertEquals("locale", fieldOf(() -> CityLocales.require(city, "en-GB", "locale")));
        RecommendationInput r = RecommendationInput.parse(json("{\"text\":\"Zamykejte kolo.\"}"), city);
        assertEquals("cs", r.locale());
        assertEquals(null, r.district());
        assertEquals("locale", fieldOf(() -> RecommendationInput.parse(json("{\"text\":\"x\",\"locale\":\"de\"}"),
                city)));
        assertEquals("text", fieldOf(() -> RecommendationInput.parse(json("{\"locale\":\"cs\"}"), city)));
        assertEquals("position", fieldOf(() -> RecommendationInput.parse(json("{\"text\":\"x\",\"position\":1.5}"),
                city)));
    }
}
