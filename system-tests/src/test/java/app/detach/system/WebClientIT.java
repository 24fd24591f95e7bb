package app.detach.system;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web client in a real browser: Debian's Chromium driven headless by Playwright for Java, against
 * the whole stack (real Keycloak login page, gateway, services). Playwright never downloads a browser
 * (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1, set by failsafe and here); the executable is
 * {@code /usr/bin/chromium} or the system property {@code detach.chromium}. Screenshots of each main
 * page go to {@code system-tests/target/screenshots/}.
 *
 * <p>Tests never sleep: every step waits for a condition with Playwright's own deadline.
 */
@ExtendWith(Stack.class)
class WebClientIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("detach.chromium", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("detach.screenshots", "target/screenshots"));
    private static final double TIMEOUT_MS = 45_000;

    /** Console errors a page may show while a service answers 404 (not built yet) or 503 (down). */
    private static final Pattern EXPECTED_CONSOLE = Pattern.compile(
            "Failed to load resource: the server responded with a status of (404|503)\\b.*"
                    + "|EventSource's response has a MIME type .*");

    private static Playwright playwright;
    private static Browser browser;
    private static String gateway;

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    private final List<String> consoleLog = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launch() throws IOException {
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

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    // ---------------------------------------------------------------- work on the walking skeleton

    @Test
    void demoSignsInAndEveryMainPageRendersWithoutErrors() {
        Page page = signIn(newContext(1280, 900), "demo", "demo");

        assertEquals("Demo User", page.locator("#who").textContent());
        assertTrue(page.locator("#nav-admin").isHidden(), "no admin link for a user");
        waitForContent(page, Pattern.compile("Today|Welcome to Detach"));
        screenshot(page, "01-today");

        // as a person does: through the navigation and the links on the pages
        click(page, "#nav a[data-route=journal]", "Journal", "02-journal");
        click(page, "#new-entry", "New entry", "03-journal-new");
        click(page, "#nav a[data-route=insights]", "Insights", "04-insights");
        click(page, "#nav a[data-route=guides]", "Guides", "05-guides");
        click(page, ".help-now", "Help now", "06-help");
        click(page, "#nav a[data-route=inbox]", "Inbox", "07-inbox");
        click(page, "#nav a[data-route=settings]", "Settings", "08-settings");
        // and by address: a bookmarked page opens directly
        visit(page, "#/journal", "Journal", "09-journal-by-address");

        // keyboard: after navigation focus sits on the page's heading, the next Tab stop is in the page
        assertEquals("H1", page.evaluate("document.activeElement.tagName"));
        page.keyboard().press("Tab");
        assertEquals(Boolean.TRUE, page.evaluate("document.getElementById('view').contains(document.activeElement)"));

        assertNoUnexpectedConsoleErrors();
    }

    @Test
    void phoneSizedScreenShowsTheSameAppWithoutSideways() {
        Page page = signIn(newContext(360, 780), "demo", "demo");
        waitForContent(page, Pattern.compile("Today|Welcome to Detach"));
        screenshot(page, "10-phone-today");
        Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1");
        assertEquals(Boolean.FALSE, overflow, "nothing wider than a 360 px screen");
        click(page, "#nav a[data-route=journal]", "Journal", "11-phone-journal");
        assertNoUnexpectedConsoleErrors();
    }

    @Test
    void aUserCannotOpenTheAdminArea() {
        Page page = signIn(newContext(1280, 900), "demo", "demo");
        page.navigate(gateway + "/#/admin");
        waitForContent(page, Pattern.compile("Not available"));
        assertTrue(page.locator("#nav-admin").isHidden());
        // and the gateway refuses the admin API to this session whatever the page does
        Object status = page.evaluate("fetch('/api/admin/content/articles').then(r => r.status)");
        assertEquals(403, ((Number) status).intValue());
        screenshot(page, "12-admin-refused");
    }

    @Test
    void anAdminSeesTheAdminArea() {
        Page page = signIn(newContext(1280, 900), "admin", "admin");
        assertTrue(page.locator("#nav-admin").isVisible());
        click(page, "#nav a[data-route=admin]", "Admin", "20-admin-articles");
        page.locator("#admin-articles").waitFor();
        click(page, "#new-article", "Admin", "21-admin-editor");
        page.getByLabel("Text (Markdown)").waitFor();
        assertNoUnexpectedConsoleErrors();
    }

    @Test
    void deletingTheAccountErasesItAndSignInFailsAfterwards() {
        String password = "web-erase-1";
        String username = KeycloakUsers.create("weberaser", password);
        Page page = signIn(newContext(1280, 900), username, password);

        click(page, "#nav a[data-route=settings]", "Settings", "30-settings-delete");
        Locator delete = page.locator("#delete-account");
        assertTrue(delete.isDisabled(), "the button waits for the typed confirmation");
        page.locator("#delete-confirm").fill("delete my account");
        delete.click();
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your account is being deleted"))
                .waitFor();
        screenshot(page, "31-account-deleted");

        // A new browser: the account is gone, Keycloak refuses the password it accepted before.
        Page again = newContext(1280, 900).newPage();
        again.navigate(gateway + "/");
        again.waitForURL(Pattern.compile(".*/protocol/openid-connect/auth.*"));
        again.locator("#username").fill(username);
        again.locator("#password").fill(password);
        again.locator("#kc-login").click();
        again.getByText(Pattern.compile("Invalid username or password", Pattern.CASE_INSENSITIVE)).first().waitFor();
        assertFalse(again.url().startsWith(gateway), "still on Keycloak's page, not signed in");
    }

    // ------------------------------------------------- flows that need the services' real APIs

    @Test
    void onboardingStartsTheCountAndAnUrgeIsCounted() {
        Page page = signIn(newContext(1280, 900), KeycloakUsers.create("webstart", "web-start-1"), "web-start-1");
        onboard(page);
        assertEquals("0", page.locator("#day-counter .counter-number").textContent());
        assertEquals("0", page.locator("#urges-resisted").textContent());
        screenshot(page, "40-today-day-zero");

        page.locator("#urge-button").click();
        page.locator("#urges-resisted").filter(new Locator.FilterOptions().setHasText("1")).waitFor();
        page.reload();
        page.locator("#urges-resisted").filter(new Locator.FilterOptions().setHasText("1")).waitFor();
        screenshot(page, "41-today-urge-counted");
        assertNoUnexpectedConsoleErrors();
    }

    @Test
    void aJournalEntryIsFoundInTheListAndTheChartRenders() {
        Page page = signIn(newContext(1280, 900), KeycloakUsers.create("webjournal", "web-journal-1"), "web-journal-1");
        onboard(page);
        String words = "Walked by the river and felt lighter " + UUID.randomUUID().toString().substring(0, 6);

        page.navigate(gateway + "/#/journal/new");
        page.getByLabel("What is on your mind?").fill(words);
        page.getByLabel("Mood", new Page.GetByLabelOptions().setExact(true)).fill("7");
        page.getByLabel("Urge to contact them").fill("2");
        page.locator("label", new Page.LocatorOptions().setHasText(Pattern.compile("^hopeful$"))).click();
        screenshot(page, "50-journal-writing");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry")).click();
        page.locator("#entry-body").filter(new Locator.FilterOptions().setHasText(words)).waitFor();
        screenshot(page, "51-journal-entry");

        page.navigate(gateway + "/#/journal");
        page.locator("#entries .entry").filter(new Locator.FilterOptions().setHasText(words)).waitFor();
        page.navigate(gateway + "/#/journal?emotion=hopeful");
        page.locator("#entries .entry").filter(new Locator.FilterOptions().setHasText(words)).waitFor();

        page.navigate(gateway + "/#/insights");
        page.locator("#mood-chart svg .series.mood circle").first().waitFor();
        page.locator("#heatmap svg rect.day.kept").first().waitFor();
        screenshot(page, "52-insights-chart");
        assertNoUnexpectedConsoleErrors();
    }

    @Test
    void aSlipBringsKindWordsAndALiveNotification() {
        Page page = signIn(newContext(1280, 900), KeycloakUsers.create("webslip", "web-slip-1"), "web-slip-1");
        onboard(page);
        assertTrue(page.locator("#unread").isHidden(), "nothing unread yet");

        page.locator("#contact-button").click();
        page.getByLabel(Pattern.compile("I reached out to them")).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, log it")).click();
        page.getByText(Pattern.compile("A slip does not undo the days behind you")).waitFor();
        screenshot(page, "60-slip-kind-words");

        // the notification arrives over the live stream: the bell shows it without a reload
        page.locator("#unread").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        page.navigate(gateway + "/#/inbox");
        page.locator("#messages .message.unread").first().waitFor();
        screenshot(page, "61-inbox");
        page.locator("#mark-all-read").click();
        page.locator("#unread").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        assertNoUnexpectedConsoleErrors();
    }

    @Test
    void anAdminPublishesAnArticleAndAUserFindsItBySearch() {
        String word = "lanterns" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "q");
        Page admin = signIn(newContext(1280, 900), "admin", "admin");
        admin.navigate(gateway + "/#/admin/articles/new");
        admin.getByLabel("Title").fill("Evening " + word);
        admin.getByLabel("Summary").fill("A short note on quiet evenings and " + word + ".");
        admin.getByLabel("Text (Markdown)").fill("## Evenings\n\nLight a lamp, call a friend, and let the " + word + " glow.");
        admin.locator("label", new Page.LocatorOptions().setHasText("Healing")).click();
        admin.locator("#preview-button").click();
        admin.locator("#preview h2").waitFor();
        screenshot(admin, "70-admin-preview");
        admin.locator("#publish").click();
        admin.locator("dialog[open]").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publish").setExact(true)).click();
        admin.locator("#article-state .status.published").waitFor();

        Page user = signIn(newContext(1280, 900), "demo", "demo");
        user.navigate(gateway + "/#/guides");
        user.getByLabel("Search the guides").fill(word);
        user.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        Locator hit = user.locator("#articles a").filter(new Locator.FilterOptions().setHasText(word));
        hit.waitFor();
        screenshot(user, "71-guides-search");
        hit.click();
        user.locator("#article-body h2").waitFor();
        screenshot(user, "72-guide");
        assertNoUnexpectedConsoleErrors();
    }

    // ------------------------------------------------------------------------------- helpers

    private BrowserContext newContext(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setLocale("en-GB")
                .setTimezoneId("Europe/London"));
        context.setDefaultTimeout(TIMEOUT_MS);
        context.onPage(page -> {
            page.onConsoleMessage(message -> {
                consoleLog.add(message.type() + " " + page.url() + " " + message.text());
                if ("error".equals(message.type()) && page.url().startsWith(gateway)
                        && !EXPECTED_CONSOLE.matcher(message.text()).matches()) {
                    consoleErrors.add(page.url() + " → " + message.text());
                }
            });
            page.onPageError(error -> consoleErrors.add(page.url() + " → uncaught " + error));
        });
        contexts.add(context);
        return context;
    }

    /** Opens the gateway, signs in on Keycloak's real login form, waits for the app shell. */
    private Page signIn(BrowserContext context, String username, String password) {
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

    /** First run: the onboarding form with today's date and the detected time zone. */
    private void onboard(Page page) {
        page.navigate(gateway + "/#/today");
        waitForContent(page, Pattern.compile("Welcome to Detach"));
        screenshot(page, "39-onboarding-" + UUID.randomUUID().toString().substring(0, 4));
        assertEquals("Europe/London", page.getByLabel("Your time zone").inputValue());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start my no-contact count")).click();
        page.locator("#day-counter").waitFor();
    }

    /** Opens a page by its address (a bookmark, a reload). */
    private void visit(Page page, String hash, String heading, String screenshotName) {
        page.navigate(gateway + "/" + hash);
        waitForContent(page, heading(heading));
        screenshot(page, screenshotName);
    }

    /**
     * A heading as a pattern for Playwright. Not Pattern.quote: the pattern runs as a JavaScript
     * regular expression in the browser, which has no \Q…\E.
     */
    private static Pattern heading(String text) {
        return Pattern.compile(text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0"));
    }

    /** Follows a link or button of the page. */
    private void click(Page page, String selector, String heading, String screenshotName) {
        page.locator(selector).click();
        waitForContent(page, heading(heading));
        screenshot(page, screenshotName);
    }

    /** The view's heading is there and no part of the page is still loading. */
    private void waitForContent(Page page, Pattern heading) {
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

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private void assertNoUnexpectedConsoleErrors() {
        assertTrue(consoleErrors.isEmpty(), "console errors: " + String.join("\n", consoleErrors));
    }
}
