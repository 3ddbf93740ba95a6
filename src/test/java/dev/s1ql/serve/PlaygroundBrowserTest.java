// The playground page in a real browser: `s1ql serve` started as a command, Debian's headless Chromium driven
// through chromedriver (both from apt, installed by .ci/run; nothing is downloaded). Screenshots go to
// target/serve-screenshots/. Skips with a message when Chromium is missing locally; in CI (CI=true) it must run.
package dev.s1ql.serve;

import dev.s1ql.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaygroundBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "serve-screenshots");
    static final String TYPO = "EventType = \"Process Creation\" AND TgtProcCmdLine Containz \"-enc\"";

    static ServeProcess serve;
    static ChromeDriver browser;
    static Path profile;
    static final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must run the browser test: .ci/run installs chromium and chromium-driver");
        }
        Assumptions.assumeTrue(present, "skipped: " + CHROMIUM + " and " + CHROMEDRIVER
                + " are needed (apt-get install chromium chromium-driver; .ci/run does this)");
        serve = ServeProcess.start();
        profile = Files.createTempDirectory("s1ql-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        viewport(1280, 800);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (serve != null) assertEquals(143, serve.stop(), "s1ql serve stops on SIGTERM");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** The page's own size (the screenshots' size), whatever the headless window's frame takes. */
    static void viewport(int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Clicks an element found afresh (the page may have re-rendered it). */
    void click(By by) {
        waiting().until(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    void open(String fragment) {
        browser.get("about:blank");
        browser.get(serve.url + fragment);
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        waitForTranslations();
    }

    void waitForTranslations() {
        waiting().until(d -> !d.findElements(By.cssSelector(".translation")).isEmpty()
                && d.findElements(By.cssSelector(".translation.pending")).isEmpty());
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    String editorText() {
        return (String) js("return document.querySelector('.cm-content').innerText.replace(/\\n$/, '')");
    }

    /** Selects the whole query and types a new one, as a user does. */
    void type(String query) {
        WebElement content = browser.findElement(By.cssSelector(".cm-content"));
        content.click();
        content.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        content.sendKeys(query);
        waiting().until(d -> editorText().equals(query));
    }

    void shot(String name) throws IOException {
        File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static String cli(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        cl.execute(args);
        return out.toString();
    }

    /** Console messages so far; CSP violations and script errors are collected for the last test. */
    void collectConsole() {
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue() || e.getMessage().contains("Content Security Policy")) {
                consoleErrors.add(e.getMessage());
            }
        }
    }

    // ---- scenarios ----------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void theSeedQueryShowsEveryTargetAndItsWarnings() throws IOException {
        open("");
        assertTrue(editorText().startsWith("ObjectType = \"DNS\" AND (EndpointOS = \"windows\""), editorText());
        // the same warnings as `s1ql validate` on the seed rule (values ending with a backslash, S2009)
        String validate = cli("validate", "--format", "json", "examples/dns_query_win_susp_external_ip_lookup.md");
        int warnings = validate.split("\"code\":\"S2009\"", -1).length - 1;
        assertTrue(warnings > 0, validate);
        waiting().until(d -> d.findElements(By.cssSelector("#diagnostics li.warning")).size() == warnings);
        for (WebElement li : browser.findElements(By.cssSelector("#diagnostics li"))) assertTrue(li.getText().contains("S2009"), li.getText());
        assertEquals(warnings, browser.findElements(By.cssSelector(".cm-lintRange-warning")).size());
        assertEquals("dialect: 1.0", browser.findElement(By.id("detected")).getText());
        List<String> tabs = new ArrayList<>();
        for (WebElement t : browser.findElements(By.cssSelector("#targets [role=tab]"))) tabs.add(t.getAttribute("data-target"));
        assertEquals(new ArrayList<>(dev.s1ql.translate.Translators.targets()), tabs);
        // the sentinel-asim profile is approximate on the seed query (EndpointOS, S3004), and its tab says so
        String kqlTab = browser.findElement(By.id("tab-kql")).getAttribute("class");
        assertTrue(kqlTab.contains("approximate"), kqlTab);
        assertEquals("approximate", browser.findElement(By.cssSelector(
                ".translation[data-profile='sentinel-asim'] .status")).getText());
        shot("1-seed-query");
        collectConsole();
    }

    @Test
    @Order(2)
    void aTypoIsUnderlinedAtItsColumnWithMessageAndHint() throws IOException {
        open("");
        type(TYPO);
        WebElement underline = waiting().until(d -> d.findElement(By.cssSelector(".cm-lintRange-error")));
        assertEquals("Containz", underline.getText());
        int column = ((Number) js("const r = document.querySelector('.cm-lintRange-error');"
                + "const line = r.closest('.cm-line'); const range = document.createRange();"
                + "range.setStart(line, 0); range.setEndBefore(r); return range.toString().length + 1;")).intValue();
        assertEquals(51, column, "the underline starts at column 51, as the CLI reports");
        WebElement item = browser.findElement(By.cssSelector("#diagnostics li.error"));
        assertTrue(item.getText().startsWith("1:51 error S1007 unknown operator 'Containz'"), item.getText());
        assertTrue(item.getText().contains("hint: did you mean 'Contains'?"), item.getText());
        new Actions(browser).moveToElement(underline).perform();
        WebElement tip = waiting().until(d -> d.findElement(By.cssSelector(".cm-tooltip-lint")));
        assertTrue(tip.getText().contains("unknown operator 'Containz'") && tip.getText().contains("did you mean 'Contains'?"),
                tip.getText());
        shot("2-query-with-error");
        collectConsole();
    }

    @Test
    @Order(3)
    void kqlOutputEqualsTheTranslateCommand() {
        open("");
        String query = "EventType = \"Process Creation\" AND TgtProcCmdLine ContainsCIS \"-enc\"";
        type(query);
        click(By.id("tab-spl"));
        click(By.id("tab-kql"));
        waiting().until(d -> d.findElement(By.id("tab-kql")).getAttribute("aria-selected").equals("true"));
        for (String profile : List.of("mde", "sentinel-asim")) {
            String expected = cli("translate", "--to", "kql", "--profile", profile, "-q", query).stripTrailing();
            waiting().until(d -> d.findElement(By.cssSelector(".translation[data-profile='" + profile + "'] pre"))
                    .getText().equals(expected));
        }
        collectConsole();
    }

    @Test
    @Order(4)
    void pastedEventsRunAndTheTableShowsTheMatches() throws IOException {
        open("");
        type("TgtProcCmdLine ContainsCIS \"-enc\"");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sample"))).selectByValue("");
        WebElement events = browser.findElement(By.id("events"));
        events.clear();
        events.sendKeys("{\"id\": \"hit-1\", \"tgtProcCmdLine\": \"powershell -ENC aQBlAHgA\"}\n"
                + "{\"id\": \"miss\", \"tgtProcCmdLine\": \"notepad.exe\"}\n"
                + "{\"id\": \"hit-2\", \"tgtProcCmdLine\": \"pwsh -enc ZQBjAGgAbwA=\"}\n");
        browser.findElement(By.id("run")).click();
        waiting().until(d -> !d.findElements(By.cssSelector("#results tbody tr")).isEmpty());
        List<WebElement> rows = browser.findElements(By.cssSelector("#results tbody tr"));
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).getText().contains("\"id\":\"hit-1\""), rows.get(0).getText());
        assertTrue(rows.get(1).getText().contains("\"id\":\"hit-2\""), rows.get(1).getText());
        assertTrue(rows.get(0).getText().contains("held"), rows.get(0).getText());
        assertEquals("3 events, 2 matches", browser.findElement(By.id("summary")).getText());
        js("document.getElementById('events-title').scrollIntoView()");
        shot("3-eval-results");
        collectConsole();
    }

    @Test
    @Order(5)
    void aSampleRunsWithCtrlEnterAndAPipelineShowsRows() throws IOException {
        open("");
        type("event.type = 'DNS Resolved' | group n = count() by src.process.name | sort -n");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sample"))).selectByValue("dns_events.ndjson");
        browser.findElement(By.cssSelector(".cm-content")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        waiting().until(d -> !d.findElements(By.cssSelector("#results.rows tbody tr")).isEmpty());
        List<String> headers = new ArrayList<>();
        for (WebElement th : browser.findElements(By.cssSelector("#results thead th"))) headers.add(th.getText());
        assertEquals(List.of("src.process.name", "n"), headers);
        shot("4-pipeline-rows");
    }

    @Test
    @Order(6)
    void formatRunsOnItsKey() {
        open("");
        type("tgtprocname   containscis   \"x\"");
        browser.findElement(By.cssSelector(".cm-content")).sendKeys(Keys.chord(Keys.CONTROL, Keys.SHIFT, "f"));
        waiting().until(d -> editorText().equals("TgtProcName ContainsCIS \"x\""));
    }

    @Test
    @Order(7)
    void theUrlCarriesTheStateAcrossALoad() {
        open("");
        String query = "SrcProcName = \"cmd.exe\"";
        type(query);
        click(By.id("tab-sql"));
        waiting().until(d -> d.getCurrentUrl().contains("t=sql") && d.getCurrentUrl().contains("cmd.exe"));
        String link = browser.getCurrentUrl();
        browser.get("about:blank");
        browser.get(link);
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        waitForTranslations();
        assertEquals(query, editorText());
        assertEquals("true", browser.findElement(By.id("tab-sql")).getAttribute("aria-selected"));
        assertEquals(3, browser.findElements(By.cssSelector(".translation[data-target='sql']")).size());
    }

    @Test
    @Order(8)
    void hostileTextCreatesNoElementAndRunsNoScript() throws IOException {
        String hostile = "TgtProcName = \"\\\"><img src=x onerror=\\\"window.__pwned=1\\\"><script>window.__pwned=2</script>\u2028x\"";
        open("#q=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8).replace("+", "%20") + "&s=-");
        assertTrue(editorText().contains("><img src=x onerror=\\\"window.__pwned=1\\\"><script>window.__pwned=2</script>"),
                editorText());
        String line = "{\"id\": \"<script>window.__pwned=3</script>\", \"tgtProcName\": \"\\\"><img src=x onerror=window.__pwned=4>\", "
                + "\"pad\": \"" + "<b>".repeat(350_000) + "\"}";
        js("const t = document.getElementById('events'); t.value = arguments[0]; t.dispatchEvent(new Event('input'));",
                line + "\n{\"tgtProcName\": \"\u2028<svg onload=window.__pwned=5>\"}\n");
        type("TgtProcName Contains \"<\" OR TgtProcName Containz \"<script>window.__pwned=6</script>\"");
        waiting().until(d -> d.findElement(By.id("diagnostics")).getText().contains("Containz"));
        type("TgtProcName Contains \"<\" OR TgtProcName Contains \"<script>\"");
        browser.findElement(By.id("run")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#results tbody tr")).size() == 2);
        waitForTranslations();
        assertEquals(0L, js("return document.querySelectorAll('img, svg, b, iframe, object, embed').length"));
        assertEquals(1L, js("return document.querySelectorAll('script').length"), "only app.js");
        assertEquals(null, js("return window.__pwned === undefined ? null : String(window.__pwned)"));
        assertTrue(browser.findElement(By.id("results")).getText().contains("<script>window.__pwned=3</script>"));
        shot("5-hostile-text");
        collectConsole();
    }

    @Test
    @Order(9)
    void darkThemeAndANarrowWindowStayReadable() throws IOException {
        open("");
        browser.findElement(By.id("theme")).click();
        browser.findElement(By.id("theme")).click();
        assertEquals("dark", js("return document.documentElement.dataset.theme"));
        String bg = (String) js("return getComputedStyle(document.body).backgroundColor");
        assertEquals("rgb(22, 22, 27)", bg);
        shot("6-dark-1280x800");
        viewport(420, 800);
        waiting().until(d -> ((Number) js("return document.querySelector('.translations').getBoundingClientRect().left")).intValue() < 40);
        long overflow = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow <= 0, "no horizontal scrolling on a narrow window: " + overflow + " px");
        shot("7-narrow-dark");
        browser.findElement(By.id("theme")).click();
        viewport(1280, 800);
        collectConsole();
    }

    @Test
    @Order(10)
    void theKeyboardReachesEveryControl() {
        open("");
        List<String> reached = new ArrayList<>();
        js("document.activeElement.blur()");
        for (int i = 0; i < 40; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement a = browser.switchTo().activeElement();
            String id = a.getAttribute("id");
            reached.add(id == null || id.isEmpty() ? a.getAttribute("class") : id);
        }
        for (String id : List.of("dialect", "sample-query", "format", "share", "theme", "tab-kql", "sample", "file",
                "explain", "run", "events")) {
            assertTrue(reached.contains(id), id + " not reached by Tab: " + reached);
        }
        assertTrue(reached.stream().anyMatch(r -> r != null && r.contains("cm-content")), reached.toString());
    }

    @Test
    @Order(11)
    void noPolicyViolationOrScriptErrorWasLogged() {
        collectConsole();
        assertFalse(consoleErrors.stream().anyMatch(m -> m.contains("Content Security Policy")), consoleErrors.toString());
        assertTrue(consoleErrors.stream().noneMatch(m -> m.contains("Uncaught")), consoleErrors.toString());
    }
}
