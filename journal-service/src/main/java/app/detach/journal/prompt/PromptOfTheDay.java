package app.detach.journal.prompt;

import java.time.LocalDate;

/** Today's writing prompt for the signed-in user. */
public record PromptOfTheDay(String promptId, String text, Stage stage, LocalDate day, String timeZone) {
}
