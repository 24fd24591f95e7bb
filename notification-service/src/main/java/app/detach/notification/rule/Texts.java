package app.detach.notification.rule;

import java.util.Map;

/**
 * Every text the rules send, written for Detach: warm, never judging, never medical advice.
 * Links are routes of the web client (a hash router served at the gateway's root), so they work
 * from the inbox and, prefixed with the public URL, from an email.
 */
public final class Texts {

    public static final String AFTER_A_SLIP_LINK = "/#/guides?stage=after-a-slip";
    public static final String HELP_LINK = "/#/help";
    public static final String QUICK_ACTIONS_LINK = "/#/today";
    public static final String STREAK_LINK = "/#/insights";
    public static final String GUIDES_LINK = "/#/guides";
    /** The archive card of the settings page (the web client scrolls to it). */
    public static final String ARCHIVE_LINK = "/#/settings?section=archive";

    public record Text(String title, String body) {
    }

    private static final Map<Integer, Text> MILESTONES = Map.ofEntries(
            Map.entry(1, new Text("Day one, done",
                    "A whole day without reaching out. The first one is often the hardest, and you got through it. Be proud of that.")),
            Map.entry(3, new Text("Three days of choosing yourself",
                    "Three days of no contact. Your thoughts may still drift back, and that is all right: you kept your promise to yourself anyway.")),
            Map.entry(7, new Text("One whole week",
                    "Seven days ago this may have felt impossible. You have shown you can sit with the hard moments and come out the other side.")),
            Map.entry(14, new Text("Two weeks of space",
                    "Fourteen days. The quiet you are keeping gives your heart room to settle. Keep being gentle with yourself.")),
            Map.entry(21, new Text("Three weeks strong",
                    "Twenty-one days. New habits are taking root: the pauses, the walks, the pages you write. They belong to you now.")),
            Map.entry(30, new Text("A whole month",
                    "One month of no contact. Think back to the first morning and look how far you have come. Celebrate it in a way that feels good.")),
            Map.entry(45, new Text("Forty-five days",
                    "Six weeks and a bit. Some days feel lighter now and some do not; both are part of healing, and you are doing it.")),
            Map.entry(60, new Text("Two months",
                    "Sixty days. The space you protected is turning into room for your own life to grow back.")),
            Map.entry(90, new Text("Ninety days",
                    "Three months. Many people notice the fog lifting around now. Whatever today feels like, this milestone is yours.")),
            Map.entry(120, new Text("Four months",
                    "A hundred and twenty days of keeping a promise to yourself. That takes quiet, steady courage.")),
            Map.entry(180, new Text("Half a year",
                    "Six months. Picture yourself on day one and say something kind to that person: they carried you here.")),
            Map.entry(270, new Text("Nine months",
                    "Two hundred and seventy days. More and more of your days are simply your own. Thank you for sticking with yourself.")),
            Map.entry(365, new Text("One year",
                    "A full year of no contact. Whatever comes next, you have shown yourself what you can do.")));

    private Texts() {
    }

    /** The message for a milestone day; every day of the schedule has its own words. */
    public static Text milestone(int day) {
        Text text = MILESTONES.get(day);
        if (text != null) {
            return text;
        }
        if (day > 365 && day % 365 == 0) {
            int years = day / 365;
            return new Text(years + " years",
                    years + " years since you chose space and healing. Take a moment to honour the road behind you.");
        }
        return new Text("Day " + day, day + " days of no contact. Every one of them counts.");
    }

    public static final Text SLIP = new Text("A slip is not the end",
            "Contact happened, and that is okay. It does not erase the days you kept, and it says nothing bad about you."
                    + " Today is day 0 again: a fresh start, not a failure. A short guide on getting back on track is here if it helps.");

    public static final Text URGE_RESISTED = new Text("You let the urge pass",
            "You felt the pull to reach out and you did not act on it. Each urge you ride out makes the next one a little easier.");

    public static final Text LOW_MOOD = new Text("You do not have to carry this alone",
            "Your last few entries sound heavy. Would it help to talk to someone you trust, a friend, family or a counsellor?"
                    + " If it all feels like too much, the help page lists people you can reach right now.");

    public static final Text CHECK_IN = new Text("Your daily check-in",
            "Did you keep no contact today? Take a moment to log how the day went, whatever the answer.");

    /** The check-in again, an hour after the user asked for "later". */
    public static final Text CHECK_IN_AGAIN = new Text("Checking in again",
            "You asked us to come back later. How is today going? One tap is enough if you kept no contact.");

    /** The weekly export email: a link to the download behind sign-in, never the archive itself. */
    public static final Text WEEKLY_EXPORT = new Text("Your weekly Detach archive is ready",
            "Here is your weekly reminder to keep a copy of everything you hold in Detach: your journal, unsent messages,"
                    + " reasons, streak history and settings, in one file you can import back. Sign in and download it from your"
                    + " settings. We never attach it to an email, so your words do not sit in a mailbox.");

    public static final String NEW_GUIDES_TITLE = "New guides for you";
    public static final String NEW_GUIDES_INTRO = "Fresh reading in the guides:";
}
