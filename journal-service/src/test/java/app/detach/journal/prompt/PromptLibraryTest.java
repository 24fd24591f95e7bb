package app.detach.journal.prompt;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromptLibraryTest {

    private final PromptLibrary library = new PromptLibrary(PromptLibrary.load());

    @Test
    void holdsAtLeastFortyPromptsWithUniqueIdsAndText() {
        List<Prompt> all = library.all();
        assertTrue(all.size() >= 40, "only " + all.size() + " prompts");
        Set<String> texts = new HashSet<>();
        for (Prompt prompt : all) {
            assertFalse(prompt.stages().isEmpty(), prompt.id() + " has no stage");
            assertTrue(prompt.text().length() > 20 && prompt.text().length() < 300, prompt.id());
            assertTrue(texts.add(prompt.text()), "duplicate text " + prompt.id());
        }
        assertEquals(all.size(), all.stream().map(Prompt::id).distinct().count());
    }

    @Test
    void everyStageHasEnoughPromptsForAWeekWithoutRepeats() {
        for (Stage stage : Stage.values()) {
            assertTrue(library.forStage(stage).size() >= 7, stage + " has " + library.forStage(stage).size());
        }
    }
}
