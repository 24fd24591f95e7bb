package app.detach.notification.messaging;

import app.detach.events.EventData;
import app.detach.events.EventSchemas;
import app.detach.events.EventType;
import app.detach.events.account.ErasureRequested;
import app.detach.events.content.ArticlePublished;
import app.detach.events.journal.EntryDeleted;
import app.detach.events.journal.EntryRecorded;
import app.detach.events.streak.CheckedIn;
import app.detach.events.streak.ContactLogged;
import app.detach.events.streak.DaySettingsChanged;
import app.detach.events.streak.MilestoneReached;
import app.detach.events.streak.UrgeResisted;
import app.detach.notification.checkin.CheckIns;
import app.detach.notification.daysettings.DaySettingsProjection;
import app.detach.notification.erasure.Erasure;
import app.detach.notification.rule.MoodRule;
import app.detach.notification.rule.Rules;
import app.detach.outbox.ErasedUsers;
import app.detach.outbox.PoisonRecordException;
import app.detach.outbox.ProcessedEvents;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The one path every consumed event takes, from the Kafka consumers and from a dead-letter replay:
 * check the CloudEvents id, ignore types we do not handle, validate the data against its schema
 * (invalid data fails as a {@link PoisonRecordException} or InvalidEventException, never retried, so
 * the record goes to the dead-letter topic with the reason), and apply it once per consumer and event
 * id. Must run inside a transaction (the consumers' {@code ConsumerTransactions}, or the replay's).
 */
@ApplicationScoped
public class EventRouter {

    static final String PREFIX = "notification-service.";

    private final ProcessedEvents processed;
    private final ErasedUsers erased;
    private final ObjectMapper mapper;
    private final Rules rules;
    private final MoodRule moods;
    private final Erasure erasure;
    private final DaySettingsProjection daySettings;
    private final CheckIns checkIns;

    EventRouter(ProcessedEvents processed, ErasedUsers erased, ObjectMapper mapper, Rules rules, MoodRule moods,
            Erasure erasure, DaySettingsProjection daySettings, CheckIns checkIns) {
        this.erased = erased;
        this.daySettings = daySettings;
        this.checkIns = checkIns;
        this.processed = processed;
        this.mapper = mapper;
        this.rules = rules;
        this.moods = moods;
        this.erasure = erasure;
    }

    /** The consumer name (for processed_event) of a topic: {@code notification-service.<area>}. */
    public static String consumerFor(String topic) {
        // detach.<area>.v1 -> <area>
        String[] parts = topic == null ? new String[0] : topic.split("\\.");
        if (parts.length < 3 || !"detach".equals(parts[0])) {
            throw new IllegalArgumentException("not a Detach topic: " + topic);
        }
        return PREFIX + parts[1];
    }

    public Uni<Void> route(String topic, String ceId, String ceType, String data) {
        if (ceId == null || ceId.isBlank()) {
            return Uni.createFrom().failure(new PoisonRecordException("record has no ce_id header"));
        }
        Optional<EventType> type = EventType.fromType(ceType);
        if (type.isEmpty() || !handles(type.get())) {
            return Uni.createFrom().voidItem(); // a type for other consumers, or from a newer producer
        }
        EventData event;
        try {
            event = parse(type.get(), data);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return processed.firstTime(consumerFor(topic), ceId)
                .flatMap(first -> first ? erased.concernsErasedUser(type.get(), event) : Uni.createFrom().item(true))
                .flatMap(skip -> skip ? Uni.createFrom().voidItem() : apply(ceId, event));
    }

    static boolean handles(EventType type) {
        return switch (type) {
            case MILESTONE_REACHED, CONTACT_LOGGED, URGE_RESISTED, ENTRY_RECORDED, ENTRY_DELETED, ARTICLE_PUBLISHED,
                    ERASURE_REQUESTED, DAY_SETTINGS_CHANGED, CHECKED_IN -> true;
            default -> false;
        };
    }

    private EventData parse(EventType type, String data) {
        if (data == null) {
            throw new PoisonRecordException(type.type() + " record has no data");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(data);
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException(type.type() + " data is not JSON");
        }
        EventSchemas.requireValid(type, tree); // InvalidEventException names each violation
        try {
            return mapper.treeToValue(tree, type.dataClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonRecordException(type.type() + " data cannot be read", e);
        }
    }

    private Uni<Void> apply(String ceId, EventData event) {
        if (event instanceof MilestoneReached e) {
            return rules.milestoneReached(e);
        } else if (event instanceof ContactLogged e) {
            return rules.contactLogged(e);
        } else if (event instanceof UrgeResisted e) {
            return rules.urgeResisted(e);
        } else if (event instanceof ArticlePublished e) {
            return rules.articlePublished(ceId, e);
        } else if (event instanceof EntryRecorded e) {
            return moods.entryRecorded(e);
        } else if (event instanceof EntryDeleted e) {
            return moods.entryDeleted(e);
        } else if (event instanceof DaySettingsChanged e) {
            return daySettings.changed(e);
        } else if (event instanceof CheckedIn e) {
            return checkIns.checkedIn(e);
        } else if (event instanceof ErasureRequested e) {
            return erasure.erase(e.userId());
        }
        return Uni.createFrom().voidItem();
    }
}
