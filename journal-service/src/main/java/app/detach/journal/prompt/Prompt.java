package app.detach.journal.prompt;

import java.util.Set;

/** A writing prompt of the library (resource {@code prompts/prompts.json}). */
public record Prompt(String id, Set<Stage> stages, String text) {
}
