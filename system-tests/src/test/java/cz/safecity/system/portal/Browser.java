package cz.safecity.system.portal;

import static org.junit.jupiter.api.Assertions.fail;

import cz.safecity.system.SystemTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the portal tests: Debian's {@code chromium} driven through {@code chromium-driver} (paths
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, overridable with {@code -Dchromium.binary} /
 * {@code -Dchromedriver.binary}), headless, with a new empty profile (so an empty cache) and background
 * networking, component updates and sync off: the browser reaches nothing but the stack under test.
 * Also: axe-core (injected from the test class path) and screenshots under {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final Path profile;
    /** Where this browser saves downloads (under {@code target/downloads/}). */
    final Path downloads;

    Browser() {
        try {
            profile = Files.createTempDirectory("safecity-chromium-");
            Files.createDirectories(Path.of("target", "downloads"));
            downloads = Files.createTempDirectory(Path.of("target", "downloads"), "browser-").toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage",
                "--no-default-browser-check", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=cs");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")).toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(DESKTOP);
    }

    /** Opens a portal path ({@code /portal/praha}) and waits until the page has rendered. */
    Browser open(String path) {
        driver.get(SystemTestSupport.BASE + path);
        waitRendered();
        return this;
    }

    void waitRendered() {
        wait(20).until(d -> js("return document.body.getAttribute('data-ready')") != null
                && d.findElements(By.cssSelector("main .loading")).isEmpty());
    }

    /** A wait that also rides over elements replaced while the page re-renders. */
    WebDriverWait wait(int seconds) {
        WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return w;
    }

    WebElement waitFor(String css) {
        return wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the element's text contains expected; fails with the text it has otherwise. */
    void waitForText(String css, String expected, int seconds) {
        try {
            wait(seconds).until(d -> !all(css).isEmpty() && find(css).getText().contains(expected));
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("waited " + seconds + " s for '" + expected + "' in " + css + ", which says: "
                    + (all(css).isEmpty() ? "(no such element)" : find(css).getText()));
        }
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Switches the page's language with its own button and waits for the new rendering. */
    void switchLanguage(String lang) {
        if (lang.equals(js("return document.documentElement.lang"))) {
            return;
        }
        String before = String.valueOf(js("return document.body.getAttribute('data-ready')"));
        find("#lang-switch").click();
        wait(20).until(d -> !before.equals(String.valueOf(js("return document.body.getAttribute('data-ready')")))
                && lang.equals(js("return document.documentElement.lang")));
    }

    /**
     * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the current page and answers its violations of impact
     * serious or critical, each as "rule-id (impact): target… — help".
     */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() {
        if (!Boolean.TRUE.equals(js("return !!window.axe"))) {
            js(axeSource());
        }
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})"
                        + ".then(function (r) { done(r.violations.map(function (v) { return {id: v.id, impact: v.impact,"
                        + " help: v.help, targets: v.nodes.map(function (n) { return n.target.join(' '); })}; })); })"
                        + ".catch(function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), targets: []}]); });");
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            String impact = String.valueOf(v.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) {
                serious.add(v.get("id") + " (" + impact + "): " + v.get("targets") + " — " + v.get("help"));
            }
        }
        return serious;
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                fail("axe/axe.min.js is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Saves a full-window screenshot as {@code target/screenshots/<name>.png}. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void size(Dimension d) {
        driver.manage().window().setSize(d);
    }

    /** The browser console's errors since the last call (e.g. CSP refusals, script errors). */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
