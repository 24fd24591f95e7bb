package app.detach.events;

import app.detach.events.account.DataErased;
import app.detach.events.account.ErasureRequested;
import app.detach.events.content.ArticlePublished;
import app.detach.events.content.ArticleRetracted;
import app.detach.events.journal.EntryDeleted;
import app.detach.events.journal.EntryRecorded;
import app.detach.events.streak.CheckedIn;
import app.detach.events.streak.ContactLogged;
import app.detach.events.streak.DaySettingsChanged;
import app.detach.events.streak.MilestoneReached;
import app.detach.events.streak.StreakReset;
import app.detach.events.streak.StreakStarted;
import app.detach.events.streak.UrgeResisted;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of the system: its CloudEvents {@code type}, the topic it is published on,
 * its JSON Schema on the classpath and the record that carries its data.
 */
public enum EventType {

    ENTRY_RECORDED("app.detach.journal.entry-recorded", Topics.JOURNAL, EntryRecorded.class),
    ENTRY_DELETED("app.detach.journal.entry-deleted", Topics.JOURNAL, EntryDeleted.class),

    STREAK_STARTED("app.detach.streak.streak-started", Topics.STREAK, StreakStarted.class),
    CONTACT_LOGGED("app.detach.streak.contact-logged", Topics.STREAK, ContactLogged.class),
    STREAK_RESET("app.detach.streak.streak-reset", Topics.STREAK, StreakReset.class),
    URGE_RESISTED("app.detach.streak.urge-resisted", Topics.STREAK, UrgeResisted.class),
    MILESTONE_REACHED("app.detach.streak.milestone-reached", Topics.STREAK, MilestoneReached.class),
    DAY_SETTINGS_CHANGED("app.detach.streak.day-settings-changed", Topics.STREAK, DaySettingsChanged.class),
    CHECKED_IN("app.detach.streak.checked-in", Topics.STREAK, CheckedIn.class),

    ARTICLE_PUBLISHED("app.detach.content.article-published", Topics.CONTENT, ArticlePublished.class),
    ARTICLE_RETRACTED("app.detach.content.article-retracted", Topics.CONTENT, ArticleRetracted.class),

    ERASURE_REQUESTED("app.detach.account.erasure-requested", Topics.ACCOUNT, ErasureRequested.class),
    DATA_ERASED("app.detach.account.data-erased", Topics.ACCOUNT, DataErased.class);

    private static final String TYPE_PREFIX = "app.detach.";
    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private final String type;
    private final String topic;
    private final Class<? extends EventData> dataClass;

    EventType(String type, String topic, Class<? extends EventData> dataClass) {
        this.type = type;
        this.topic = topic;
        this.dataClass = dataClass;
    }

    /** The CloudEvents {@code type} ({@code ce_type} header), e.g. {@code app.detach.journal.entry-recorded}. */
    public String type() {
        return type;
    }

    /** The Kafka topic the event is published on. */
    public String topic() {
        return topic;
    }

    /** The record its data deserialises to. */
    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    /**
     * The classpath resource of its JSON Schema, derived from the type so the two cannot drift:
     * {@code app.detach.journal.entry-recorded} → {@code schemas/journal/entry-recorded.json}.
     */
    public String schemaResource() {
        String areaAndName = type.substring(TYPE_PREFIX.length());
        return "schemas/" + areaAndName.replaceFirst("\\.", "/") + ".json";
    }

    /**
     * Looks up a CloudEvents {@code type}. Returns an Optional rather than throwing because
     * consumers meet unknown types as ordinary input (a newer producer, a foreign record) and
     * decide themselves whether to skip or dead-letter them.
     */
    public static Optional<EventType> fromType(String type) {
        return Optional.ofNullable(type).map(BY_TYPE::get);
    }
}
