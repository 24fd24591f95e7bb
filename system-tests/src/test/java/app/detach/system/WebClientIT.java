package app.detach.system;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web client in a real browser ({@link WebBrowser}: Debian's Chromium driven headless by
 * Playwright for Java) against the whole stack: sign-in on Keycloak's real page, every main page,
 * a phone-sized screen, the admin area, deleting the account, and the main flows through the
 * services' real APIs. Screenshots of each main page go to {@code system-tests/target/screenshots/}.
 *
 * <p>Tests never sleep: every step waits for a condition with Playwright's own deadline.
 */
@ExtendWith(Stack.class)
class WebClientIT {

    /** Console errors a page may show while a service answers 404 (not built yet) or 503 (down). */
    @RegisterExtension
    static final WebBrowser web = WebBrowser.allowingStatuses(404, 503);

    // ---------------------------------------------------------------- work on the walking skeleton

    @Test
    void demoSignsInAndEveryMainPageRendersWithoutErrors() {
        Page page = web.signIn(web.desktop(), "demo", "demo");

        assertEquals("Demo User", page.locator("#who").textContent());
        assertTrue(page.locator("#nav-admin").isHidden(), "no admin link for a user");
        web.waitForContent(page, Pattern.compile("Today|Welcome to Detach"));
        web.screenshot(page, "01-today");

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

        web.assertNoUnexpectedConsoleErrors();
    }

    @Test
    void phoneSizedScreenShowsTheSameAppWithoutSideways() {
        Page page = web.signIn(web.phone(), "demo", "demo");
        web.waitForContent(page, Pattern.compile("Today|Welcome to Detach"));
        web.screenshot(page, "10-phone-today");
        Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1");
        assertEquals(Boolean.FALSE, overflow, "nothing wider than a 360 px screen");
        click(page, "#nav a[data-route=journal]", "Journal", "11-phone-journal");
        web.assertNoUnexpectedConsoleErrors();
    }

    @Test
    void aUserCannotOpenTheAdminArea() {
        Page page = web.signIn(web.desktop(), "demo", "demo");
        page.navigate(web.gateway() + "/#/admin");
        web.waitForContent(page, Pattern.compile("Not available"));
        assertTrue(page.locator("#nav-admin").isHidden());
        // and the gateway refuses the admin API to this session whatever the page does
        Object status = page.evaluate("fetch('/api/admin/content/articles').then(r => r.status)");
        assertEquals(403, ((Number) status).intValue());
        web.screenshot(page, "12-admin-refused");
    }

    @Test
    void anAdminSeesTheAdminArea() {
        Page page = web.signIn(web.desktop(), "admin", "admin");
        assertTrue(page.locator("#nav-admin").isVisible());
        click(page, "#nav a[data-route=admin]", "Admin", "20-admin-articles");
        page.locator("#admin-articles").waitFor();
        click(page, "#new-article", "Admin", "21-admin-editor");
        page.getByLabel("Text (Markdown)").waitFor();
        web.assertNoUnexpectedConsoleErrors();
    }

    @Test
    void deletingTheAccountErasesItAndSignInFailsAfterwards() {
        String password = "web-erase-1";
        String username = KeycloakUsers.create("weberaser", password);
        Page page = web.signIn(web.desktop(), username, password);

        click(page, "#nav a[data-route=settings]", "Settings", "30-settings-delete");
        Locator delete = page.locator("#delete-account");
        assertTrue(delete.isDisabled(), "the button waits for the typed confirmation");
        page.locator("#delete-confirm").fill("delete my account");
        delete.click();
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your account is being deleted"))
                .waitFor();
        web.screenshot(page, "31-account-deleted");

        // A new browser: the account is gone, Keycloak refuses the password it accepted before.
        Page again = web.desktop().newPage();
        again.navigate(web.gateway() + "/");
        again.waitForURL(Pattern.compile(".*/protocol/openid-connect/auth.*"));
        again.locator("#username").fill(username);
        again.locator("#password").fill(password);
        again.locator("#kc-login").click();
        again.getByText(Pattern.compile("Invalid username or password", Pattern.CASE_INSENSITIVE)).first().waitFor();
        assertFalse(again.url().startsWith(web.gateway()), "still on Keycloak's page, not signed in");
    }

    // ------------------------------------------------- flows that need the services' real APIs

    @Test
    void onboardingStartsTheCountAndAnUrgeIsCounted() {
        Page page = web.signInNewUserAndOnboard("webstart");
        assertEquals("0", page.locator("#day-counter .counter-number").textContent());
        assertEquals("0", page.locator("#urges-resisted").textContent());
        web.screenshot(page, "40-today-day-zero");

        page.locator("#urge-button").click();
        page.locator("#urges-resisted").filter(new Locator.FilterOptions().setHasText("1")).waitFor();
        page.reload();
        page.locator("#urges-resisted").filter(new Locator.FilterOptions().setHasText("1")).waitFor();
        web.screenshot(page, "41-today-urge-counted");
        web.assertNoUnexpectedConsoleErrors();
    }

    @Test
    void aJournalEntryIsFoundInTheListAndTheChartRenders() {
        Page page = web.signInNewUserAndOnboard("webjournal");
        String words = "Walked by the river and felt lighter " + UUID.randomUUID().toString().substring(0, 6);

        page.navigate(web.gateway() + "/#/journal/new");
        page.getByLabel("What is on your mind?").fill(words);
        page.getByLabel("Mood", new Page.GetByLabelOptions().setExact(true)).fill("7");
        page.getByLabel("Urge to contact them").fill("2");
        page.locator("label", new Page.LocatorOptions().setHasText(Pattern.compile("^hopeful$"))).click();
        web.screenshot(page, "50-journal-writing");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry")).click();
        page.locator("#entry-body").filter(new Locator.FilterOptions().setHasText(words)).waitFor();
        web.screenshot(page, "51-journal-entry");

        page.navigate(web.gateway() + "/#/journal");
        page.locator("#entries .entry").filter(new Locator.FilterOptions().setHasText(words)).waitFor();
        page.navigate(web.gateway() + "/#/journal?emotion=hopeful");
        page.locator("#entries .entry").filter(new Locator.FilterOptions().setHasText(words)).waitFor();

        page.navigate(web.gateway() + "/#/insights");
        page.locator("#mood-chart svg .series.mood circle").first().waitFor();
        page.locator("#heatmap svg rect.day.kept").first().waitFor();
        web.screenshot(page, "52-insights-chart");
        web.assertNoUnexpectedConsoleErrors();
    }

    @Test
    void aSlipBringsKindWordsAndALiveNotification() {
        Page page = web.signInNewUserAndOnboard("webslip");
        assertTrue(page.locator("#unread").isHidden(), "nothing unread yet");

        page.locator("#contact-button").click();
        page.getByLabel(Pattern.compile("I reached out to them")).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, log it")).click();
        page.getByText(Pattern.compile("A slip does not undo the days behind you")).waitFor();
        web.screenshot(page, "60-slip-kind-words");

        // the notification arrives over the live stream: the bell shows it without a reload
        page.locator("#unread").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        page.navigate(web.gateway() + "/#/inbox");
        page.locator("#messages .message.unread").first().waitFor();
        web.screenshot(page, "61-inbox");
        page.locator("#mark-all-read").click();
        page.locator("#unread").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        web.assertNoUnexpectedConsoleErrors();
    }

    @Test
    void anAdminPublishesAnArticleAndAUserFindsItBySearch() {
        String word = "lanterns" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "q");
        Page admin = web.signIn(web.desktop(), "admin", "admin");
        admin.navigate(web.gateway() + "/#/admin/articles/new");
        admin.getByLabel("Title").fill("Evening " + word);
        admin.getByLabel("Summary").fill("A short note on quiet evenings and " + word + ".");
        admin.getByLabel("Text (Markdown)").fill("## Evenings\n\nLight a lamp, call a friend, and let the " + word + " glow.");
        admin.locator("label", new Page.LocatorOptions().setHasText("Healing")).click();
        admin.locator("#preview-button").click();
        admin.locator("#preview h2").waitFor();
        web.screenshot(admin, "70-admin-preview");
        admin.locator("#publish").click();
        admin.locator("dialog[open]").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publish").setExact(true)).click();
        admin.locator("#article-state .status.published").waitFor();

        Page user = web.signIn(web.desktop(), "demo", "demo");
        user.navigate(web.gateway() + "/#/guides");
        user.getByLabel("Search the guides").fill(word);
        user.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        Locator hit = user.locator("#articles a").filter(new Locator.FilterOptions().setHasText(word));
        hit.waitFor();
        web.screenshot(user, "71-guides-search");
        hit.click();
        user.locator("#article-body h2").waitFor();
        web.screenshot(user, "72-guide");
        web.assertNoUnexpectedConsoleErrors();
    }

    // ------------------------------------------------------------------------------- helpers

    /** Opens a page by its address (a bookmark, a reload). */
    private void visit(Page page, String hash, String heading, String screenshotName) {
        page.navigate(web.gateway() + "/" + hash);
        web.waitForContent(page, WebBrowser.containing(heading));
        web.screenshot(page, screenshotName);
    }

    /** Follows a link or button of the page. */
    private void click(Page page, String selector, String heading, String screenshotName) {
        page.locator(selector).click();
        web.waitForContent(page, WebBrowser.containing(heading));
        web.screenshot(page, screenshotName);
    }
}
