package app.detach.system;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web client in a real browser, for the browser tests: Debian's Chromium driven headless by
 * Playwright for Java against the whole stack (real Keycloak login page, gateway, services).
 * {@link BrowserSession} is its counterpart without JavaScript (an HTTP client that signs in); this
 * one runs the app as a person sees it. A test class registers it once, as
 * {@code @RegisterExtension static final WebBrowser web = WebBrowser.allowingStatuses(404, 503);},
 * and a test starts with {@code Page page = web.signIn(web.desktop(), "demo", "demo");}.
 *
 * <p>It launches the browser before the class's first test and closes it after the last; each test's
 * contexts are closed after it, and the console errors a test collects are its own. Playwright never
 * downloads a browser (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1, set by failsafe and here); the executable
 * is {@code /usr/bin/chromium} or the system property {@code detach.chromium}. Screenshots go to
 * {@code system-tests/target/screenshots/}. Every wait has Playwright's deadline, never a sleep.
 */
final class WebBrowser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    static final String DEFAULT_ZONE = "Europe/London";
    private static final Path CHROMIUM = Path.of(System.getProperty("detach.chromium", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("detach.screenshots", "target/screenshots"));
    private static final double TIMEOUT_MS = 45_000;

    /** Console errors a page may show whatever the test: the live stream reconnecting. */
    private static final String ALWAYS_EXPECTED = "EventSource's response has a MIME type .*";

    private final Pattern expectedConsole;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final Map<BrowserContext, String> zones = new ConcurrentHashMap<>();
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    private final List<String> consoleLog = new CopyOnWriteArrayList<>();
    private Playwright playwright;
    private Browser browser;
    private String gateway;

    private WebBrowser(Pattern expectedConsole) {
        this.expectedConsole = expectedConsole;
    }

    /**
     * A browser whose pages may log these HTTP statuses as failed resources without failing
     * {@link #assertNoUnexpectedConsoleErrors()} (e.g. 404 before a count exists, 503 while a service
     * is down); any other console error or uncaught page error does.
     */
    static WebBrowser allowingStatuses(int... statuses) {
        String alternatives = Arrays.stream(statuses).mapToObj(String::valueOf).collect(Collectors.joining("|"));
        return new WebBrowser(Pattern.compile(
                "Failed to load resource: the server responded with a status of (" + alternatives + ")\\b.*"
                        + "|" + ALWAYS_EXPECTED));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        // the stack first, whatever the order JUnit registers the extensions in (started once per run)
        new Stack().beforeAll(context);
        assertTrue(Files.isExecutable(CHROMIUM), "Chromium is needed at " + CHROMIUM
                + " (Debian: apt-get install -y chromium; .ci/run installs it), or set -Ddetach.chromium=<path>");
        Files.createDirectories(SCREENSHOTS);
        gateway = Stack.get().gatewayUrl();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                // root in CI containers: Chromium's sandbox needs user namespaces it may not have
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        consoleErrors.clear();
        consoleLog.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        zones.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** The gateway's address, e.g. {@code http://localhost:8080}; pages are {@code gateway() + "/#/inbox"}. */
    String gateway() {
        return gateway;
    }

    /** Where screenshots (and other files a test keeps for a person to look at) are written. */
    Path outputDir() {
        return SCREENSHOTS;
    }

    /** A new browser window (cookies of its own) the size of a laptop screen, in {@link #DEFAULT_ZONE}. */
    BrowserContext desktop() {
        return newContext(1280, 900, DEFAULT_ZONE);
    }

    /** The same in the given IANA time zone: the page's clock and {@code Intl} follow it. */
    BrowserContext desktop(String timeZone) {
        return newContext(1280, 900, timeZone);
    }

    /** A new browser window the size of a small phone (360 px wide). */
    BrowserContext phone() {
        return newContext(360, 780, DEFAULT_ZONE);
    }

    BrowserContext newContext(int width, int height, String timeZone) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setLocale("en-GB")
                .setTimezoneId(timeZone)
                .setAcceptDownloads(true));
        context.setDefaultTimeout(TIMEOUT_MS);
        context.onPage(page -> {
            page.onConsoleMessage(message -> {
                consoleLog.add(message.type() + " " + page.url() + " " + message.text());
                if ("error".equals(message.type()) && page.url().startsWith(gateway)
                        && !expectedConsole.matcher(message.text()).matches()) {
                    consoleErrors.add(page.url() + " → " + message.text());
                }
            });
            page.onPageError(error -> consoleErrors.add(page.url() + " → uncaught " + error));
        });
        contexts.add(context);
        zones.put(context, timeZone);
        return context;
    }

    /** Opens the gateway, signs in on Keycloak's real login form, waits for the app shell. */
    Page signIn(BrowserContext context, String username, String password) {
        Page page = context.newPage();
        page.navigate(gateway + "/");
        page.waitForURL(Pattern.compile(".*/protocol/openid-connect/auth.*"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        page.waitForURL(Pattern.compile(Pattern.quote(gateway) + "/.*"));
        // the name is hidden on a phone-sized screen: wait for the text, not for visibility
        page.waitForFunction("() => document.getElementById('who') && document.getElementById('who').textContent.trim().length > 0");
        return page;
    }

    /** A fresh account, made in the real Keycloak for this test, signed in on a desktop window and onboarded. */
    Page signInNewUserAndOnboard(String prefix) {
        String password = prefix + "-password-1";
        Page page = signIn(desktop(), KeycloakUsers.create(prefix, password), password);
        onboard(page);
        return page;
    }

    /** First run: the onboarding form offers the browser's time zone; starting the count shows the counter. */
    void onboard(Page page) {
        page.navigate(gateway + "/#/today");
        waitForHeading(page, "Welcome to Detach");
        screenshot(page, "39-onboarding-" + UUID.randomUUID().toString().substring(0, 4));
        assertEquals(zones.get(page.context()), page.getByLabel("Your time zone").inputValue());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start my no-contact count")).click();
        page.locator("#day-counter").waitFor();
    }

    /** The view's heading is exactly this text and no part of the page is still loading. */
    void waitForHeading(Page page, String heading) {
        waitForContent(page, Pattern.compile("^" + escaped(heading) + "$"));
    }

    /** The view's heading matches and no part of the page is still loading; on failure, what the page showed. */
    void waitForContent(Page page, Pattern heading) {
        try {
            page.locator("#view h1").filter(new Locator.FilterOptions().setHasText(heading)).waitFor();
            page.waitForFunction("() => !document.querySelector('#view .loading') && !document.querySelector('#view [aria-busy=\"true\"]')");
        } catch (PlaywrightException e) {
            String name = "FAILED-" + UUID.randomUUID().toString().substring(0, 6);
            screenshot(page, name);
            throw new AssertionError("no page with heading " + heading + " at " + page.url()
                    + " (screenshot " + name + ".png); the view shows: " + page.locator("#view").innerText()
                    + "\nconsole:\n" + String.join("\n", consoleLog), e);
        }
    }

    /**
     * Text as a pattern that finds it anywhere in a heading. Not Pattern.quote: the pattern runs as a
     * JavaScript regular expression in the browser, which has no \Q…\E.
     */
    static Pattern containing(String text) {
        return Pattern.compile(escaped(text));
    }

    private static String escaped(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    /** A full-page screenshot {@code <name>.png} in {@link #outputDir()}. */
    void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** No console error on the app's pages but the expected ones, and no uncaught error, during this test. */
    void assertNoUnexpectedConsoleErrors() {
        assertTrue(consoleErrors.isEmpty(), "console errors: " + String.join("\n", consoleErrors));
    }
}
