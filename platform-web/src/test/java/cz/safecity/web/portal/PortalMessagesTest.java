package cz.safecity.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The portal's texts: cs and en have the same keys, every key the scripts ask for ({@code t('…')}) exists, and no
 * page carries an inline script or style (the Content-Security-Policy would refuse it).
 */
class PortalMessagesTest {

    static final Path PORTAL = Path.of("src/main/webapp/portal");
    static final Pattern KEY = Pattern.compile("\\bt\\('([a-zA-Z0-9.-]+)'");

    static JsonObject messages(String lang) throws IOException {
        try (Reader r = Files.newBufferedReader(PORTAL.resolve("i18n/" + lang + ".json"))) {
            return Json.createReader(r).readObject();
        }
    }

    @Test
    void czechAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(messages("cs").keySet()), new TreeSet<>(messages("en").keySet()));
    }

    @Test
    void everyKeyTheScriptsUseExists() throws IOException {
        Set<String> known = messages("cs").keySet();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.list(PORTAL.resolve("js"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).endsWith(".") && !known.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), missing.toString());
    }

    @Test
    void theEntryPageHasNoInlineScriptOrStyle() throws IOException {
        String html = Files.readString(PORTAL.resolve("index.html"));
        assertTrue(!html.contains("<style") && !html.contains(" style=") && !html.contains(" on"),
                "inline style or event handler in index.html");
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(html);
        while (scripts.find()) {
            assertTrue(scripts.group(1).contains("src="), "inline script: " + scripts.group());
        }
    }

    @Test
    void originsForTheContentSecurityPolicy() {
        assertEquals("https://*.tile.example.org", PortalConfig.origin("https://{s}.tile.example.org/{z}/{x}/{y}.png"));
        assertEquals("http://localhost:8180", PortalConfig.origin("http://localhost:8180/realms/safecity"));
        assertEquals("https://geo.example.cz:8443", PortalConfig.origin("https://geo.example.cz:8443/nominatim"));
        assertEquals("", PortalConfig.origin("not a url"));
    }
}
