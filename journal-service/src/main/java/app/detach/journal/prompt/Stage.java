package app.detach.journal.prompt;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** Where someone is on the way; prompts are tagged with the stages they suit. */
public enum Stage {
    FIRST_DAYS("first-days"),
    FIRST_WEEKS("first-weeks"),
    LATER("later"),
    AFTER_A_SLIP("after-a-slip"),
    LOW_MOOD("low-mood"),
    STRONG_URGE("strong-urge");

    private final String tag;

    Stage(String tag) {
        this.tag = tag;
    }

    @JsonValue
    public String tag() {
        return tag;
    }

    @JsonCreator
    public static Stage fromTag(String tag) {
        return Arrays.stream(values()).filter(s -> s.tag.equals(tag)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown stage " + tag));
    }
}
