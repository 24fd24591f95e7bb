package app.detach.content.article;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The stages of no contact an article can be written for; the wire name is the lower-case, dashed one. */
public enum Stage {
    FIRST_DAYS("first-days"),
    EARLY("early"),
    HEALING("healing"),
    GROWTH("growth"),
    IF_THEY_REACH_OUT("if-they-reach-out"),
    AFTER_A_SLIP("after-a-slip"),
    SEEKING_HELP("seeking-help");

    public static final List<String> NAMES = Arrays.stream(values()).map(Stage::wireName).toList();

    private final String wireName;

    Stage(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Stage> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
