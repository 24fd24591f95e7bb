package app.detach.system;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The issue-11 parts of the web client in a real browser, against the whole stack (same Playwright
 * and Debian Chromium setup as {@link WebClientIT}): the daily check-in and its streak, day settings
 * with limited contact, the pause before texting with its unsent draft, the readiness check ending
 * no contact by choice, and an archive exported from one account and imported into an empty one.
 * Screenshots go to {@code system-tests/target/screenshots/} (names 8x–9x).
 */
@ExtendWith(Stack.class)
class ExtrasWebIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("detach.chromium", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("detach.screenshots", "target/screenshots"));
    private static final double TIMEOUT_MS = 45_000;

    /**
     * Console errors a page may show: a 404 (no count yet, or after ending it by choice), 409 (an
     * import into an account that is not empty, which the test provokes), 503.
     */
    private static final Pattern EXPECTED_CONSOLE = Pattern.compile(
            "Failed to load resource: the server responded with a status of (404|409|503)\\b.*"
                    + "|EventSource's response has a MIME type .*");

    private static Playwright playwright;
    private static Browser browser;
    private static String gateway;

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    private final List<String> consoleLog = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launch() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM), "Chromium is needed at " + CHROMIUM);
        Files.createDirectories(SCREENSHOTS);
        gateway = Stack.get().gatewayUrl();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
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

    @Test
    void theCheckInCountsOnceADayAndLimitedContactKeepsTheCountGoing() {
        Page page = signIn(newContext(1280, 900), KeycloakUsers.create("webcheckin", "web-checkin-1"), "web-checkin-1");
        onboard(page);
        assertEquals("0 days", page.locator("#check-in-streak").textContent());

        page.locator("#check-in-button").click();
        page.locator("#check-in-streak").filter(new Locator.FilterOptions().setHasText("1 day")).waitFor();
        page.locator("#check-in-message").filter(new Locator.FilterOptions().setHasText("Checked in")).waitFor();
        screenshot(page, "80-check-in");
        page.reload();
        page.locator("#check-in-streak").filter(new Locator.FilterOptions().setHasText("1 day")).waitFor();
        assertTrue(page.locator("#check-in-button").isDisabled(), "one check-in per day");

        // settings: late-night day end, pinned home zone, limited contact
        page.navigate(gateway + "/#/settings");
        waitForContent(page, "Settings");
        assertEquals("Europe/London", page.locator("#day-zone").inputValue());
        page.getByLabel("My day ends at").selectOption("3");
        page.getByLabel(Pattern.compile("^Keep my home time zone")).check();
        page.getByLabel(Pattern.compile("^Limited contact")).check();
        page.locator("#save-day-settings").click();
        page.locator("#day-settings .form-message").filter(new Locator.FilterOptions().setHasText("Saved.")).waitFor();
        screenshot(page, "81-day-settings");
        page.reload();
        waitForContent(page, "Settings");
        assertEquals("3", page.locator("#day-start-hour").inputValue());
        assertTrue(page.locator("#limited-contact").isChecked());

        // the dashboard shows the mode, and a contact with a purpose is no slip
        page.navigate(gateway + "/#/today");
        page.locator("#limited-contact-badge").waitFor();
        page.locator("#contact-button").click();
        page.getByLabel(Pattern.compile("I reached out to them")).check();
        page.getByLabel("What was it for?").selectOption("CO_PARENTING");
        screenshot(page, "82-contact-purpose");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, log it")).click();
        page.getByText(Pattern.compile("Your count keeps going")).waitFor();
        screenshot(page, "83-limited-contact");
        assertNoUnexpectedConsoleErrors();
    }

    @Test
    void thePauseBeforeTextingKeepsTheMessageUnsentAndCountsAnUrge() {
        Page page = signIn(newContext(1280, 900), KeycloakUsers.create("webpause", "web-pause-1"), "web-pause-1");
        onboard(page);
        String words = "I miss you, can we talk " + UUID.randomUUID().toString().substring(0, 6);

        page.locator("#pause-link").click();
        waitForContent(page, "Before you send it");
        page.getByLabel("What do you want to say to them?").fill(words);
        page.locator("#start-pause").click();
        waitForContent(page, "Take a pause");
        page.locator("#countdown").filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\d+:\\d\\d$"))).waitFor();
        assertEquals(words, page.locator("#draft-text").textContent());

        // the user's own reasons, written during the pause, are there the next time too
        page.locator("#edit-reasons").click();
        page.getByLabel("One reason per line").fill("I deserve peace\nThey were not kind to me");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my reasons")).click();
        page.locator("#reason-list li").filter(new Locator.FilterOptions().setHasText("I deserve peace")).waitFor();
        screenshot(page, "84-pause-countdown");

        page.locator("#keep-unsent").click();
        page.locator("#pause-result").filter(new Locator.FilterOptions().setHasText("You kept it unsent")).waitFor();
        screenshot(page, "85-kept-unsent");

        page.navigate(gateway + "/#/today");
        page.locator("#urges-resisted").filter(new Locator.FilterOptions().setHasText("1")).waitFor();

        page.navigate(gateway + "/#/drafts");
        waitForContent(page, "Unsent messages");
        Locator item = page.locator("#drafts li").filter(new Locator.FilterOptions().setHasText(words));
        item.getByText("Kept unsent").waitFor();
        screenshot(page, "86-drafts");
        item.locator("a").click();
        waitForContent(page, "Unsent message");
        assertEquals(words, page.locator("#draft-text").textContent());
        page.locator("#delete-draft").click();
        page.locator("dialog[open]").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
        waitForContent(page, "Unsent messages");
        page.getByText(Pattern.compile("No unsent messages yet")).waitFor();

        // the same flow fits a phone
        Page phone = signIn(newContext(360, 780), "demo", "demo");
        phone.navigate(gateway + "/#/pause");
        waitForContent(phone, "Before you send it");
        assertEquals(Boolean.FALSE, phone.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"));
        screenshot(phone, "87-phone-pause");
        assertNoUnexpectedConsoleErrors();
    }

    @Test
    void aSavedReadinessCheckCanEndNoContactByChoice() {
        Page page = signIn(newContext(1280, 900), KeycloakUsers.create("webready", "web-ready-1"), "web-ready-1");
        onboard(page);
        page.locator("#readiness-link").click();
        waitForContent(page, "Readiness check");
        page.locator("#take-readiness").click();
        page.locator("#readiness-form").waitFor();
        // every choice question: its first option; every written one: a few words
        Locator groups = page.locator("#readiness-form fieldset.question");
        for (int i = 0; i < groups.count(); i++) {
            groups.nth(i).locator("label").first().click();
        }
        Locator texts = page.locator("#readiness-form textarea");
        for (int i = 0; i < texts.count(); i++) {
            texts.nth(i).fill("Still thinking about it");
        }
        screenshot(page, "88-readiness-questions");
        page.locator("#save-readiness").click();
        waitForContent(page, "Your readiness check");
        page.locator("#readiness-summary").waitFor();
        screenshot(page, "89-readiness-saved");

        // revisit from the list
        page.navigate(gateway + "/#/readiness");
        waitForContent(page, "Readiness check");
        page.locator("#readiness-checks a").first().click();
        waitForContent(page, "Your readiness check");

        Locator end = page.locator("#end-by-choice");
        assertTrue(end.isDisabled(), "ending waits for the typed confirmation");
        page.locator("#end-confirm").fill("I choose to end no contact");
        end.click();
        page.locator("#ended-title").waitFor();
        screenshot(page, "90-ended-by-choice");

        // no count any more: Today offers a new start
        page.navigate(gateway + "/#/today");
        waitForContent(page, "Welcome to Detach");
        assertNoUnexpectedConsoleErrors();
    }

    @Test
    void anArchiveExportedFromOneAccountImportsIntoAnEmptyOne() throws IOException {
        Page source = signIn(newContext(1280, 900), KeycloakUsers.create("webexport", "web-export-1"), "web-export-1");
        onboard(source);
        String words = "A quiet walk and a long call with my sister " + UUID.randomUUID().toString().substring(0, 6);
        source.navigate(gateway + "/#/journal/new");
        source.getByLabel("What is on your mind?").fill(words);
        source.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry")).click();
        source.locator("#entry-body").filter(new Locator.FilterOptions().setHasText(words)).waitFor();
        source.navigate(gateway + "/#/today");
        source.locator("#urge-button").click();
        source.locator("#urges-resisted").filter(new Locator.FilterOptions().setHasText("1")).waitFor();

        source.navigate(gateway + "/#/settings");
        waitForContent(source, "Settings");
        Download download = source.waitForDownload(() -> source.locator("#export-archive").click());
        assertTrue(download.suggestedFilename().matches("detach-archive-\\d{4}-\\d{2}-\\d{2}\\.json"),
                download.suggestedFilename());
        Path file = SCREENSHOTS.resolve("archive-" + UUID.randomUUID() + ".json");
        download.saveAs(file);
        String archive = Files.readString(file);
        assertTrue(archive.startsWith("{\"format\":\"detach-archive\",\"version\":1,"), archive);
        assertTrue(archive.contains(words), "the journal entry is in the archive");

        // a new, empty account takes it in
        Page target = signIn(newContext(1280, 900), KeycloakUsers.create("webimport", "web-import-1"), "web-import-1");
        target.navigate(gateway + "/#/settings");
        waitForContent(target, "Settings");
        target.locator("#archive-file").setInputFiles(file);
        target.locator("#import-archive").click();
        target.locator("#archive-import .form-message").filter(new Locator.FilterOptions().setHasText("Imported")).waitFor();
        screenshot(target, "91-archive-imported");
        target.navigate(gateway + "/#/journal");
        target.locator("#entries .entry").filter(new Locator.FilterOptions().setHasText(words)).waitFor();
        target.navigate(gateway + "/#/today");
        target.locator("#urges-resisted").filter(new Locator.FilterOptions().setHasText("1")).waitFor();

        // a second import finds the account no longer empty and says what happened
        target.navigate(gateway + "/#/settings");
        waitForContent(target, "Settings");
        target.locator("#archive-file").setInputFiles(file);
        target.locator("#import-archive").click();
        target.locator("#archive-import .form-message.error").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        assertTrue(target.locator("#archive-import .form-message").innerText().contains("empty account"),
                target.locator("#archive-import .form-message").innerText());
        screenshot(target, "92-archive-conflict");
        Files.deleteIfExists(file);
        assertNoUnexpectedConsoleErrors();
    }

    // ------------------------------------------------------------------------------- helpers
    // (the same as WebClientIT's; kept here so each class runs alone)

    private BrowserContext newContext(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setLocale("en-GB")
                .setTimezoneId("Europe/London")
                .setAcceptDownloads(true));
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

    private Page signIn(BrowserContext context, String username, String password) {
        Page page = context.newPage();
        page.navigate(gateway + "/");
        page.waitForURL(Pattern.compile(".*/protocol/openid-connect/auth.*"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        page.waitForURL(Pattern.compile(Pattern.quote(gateway) + "/.*"));
        page.waitForFunction("() => document.getElementById('who') && document.getElementById('who').textContent.trim().length > 0");
        return page;
    }

    private void onboard(Page page) {
        page.navigate(gateway + "/#/today");
        waitForContent(page, "Welcome to Detach");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start my no-contact count")).click();
        page.locator("#day-counter").waitFor();
    }

    /** The view's heading is there and no part of the page is still loading. */
    private void waitForContent(Page page, String heading) {
        Pattern pattern = Pattern.compile("^" + heading.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0") + "$");
        try {
            page.locator("#view h1").filter(new Locator.FilterOptions().setHasText(pattern)).waitFor();
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
