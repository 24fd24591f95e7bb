package app.detach.journal.entry;

import java.util.List;
import java.util.Set;

/**
 * The emotion tags an entry may carry. A closed vocabulary keeps insights comparable over time and
 * keeps free text (which could identify someone) out of the tags that travel in events.
 * Documented in the README; changing it is an API change.
 */
public final class Emotions {

    public static final List<String> VOCABULARY = List.of(
            "angry", "anxious", "ashamed", "betrayed", "calm", "confused", "content", "determined",
            "drained", "empty", "free", "frustrated", "grateful", "guilty", "hopeful", "hurt",
            "jealous", "lonely", "loved", "nostalgic", "numb", "overwhelmed", "proud", "regretful",
            "relieved", "restless", "sad", "scared", "strong", "tired");

    public static final int MAX_PER_ENTRY = 10;

    private static final Set<String> KNOWN = Set.copyOf(VOCABULARY);

    private Emotions() {
    }

    public static boolean isKnown(String tag) {
        return KNOWN.contains(tag);
    }
}
