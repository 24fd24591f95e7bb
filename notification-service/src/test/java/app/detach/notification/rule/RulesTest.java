package app.detach.notification.rule;

import app.detach.events.EventJson;
import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.events.content.ArticlePublished;
import app.detach.events.streak.ContactKind;
import app.detach.events.streak.ContactLogged;
import app.detach.events.streak.MilestoneReached;
import app.detach.notification.Api;
import app.detach.notification.Events;
import app.detach.notification.FanOuts;
import app.detach.notification.TestClock;
import app.detach.testing.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule, driven by real events on the real topics. */
@QuarkusTest
public class RulesTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachMilestoneDayHasItsOwnCongratulation() {
        String user = "m-" + UUID.randomUUID();
        Events.publish(Events.milestone(user, 1));
        Events.publish(Events.milestone(user, 7));
        Events.publish(Events.milestone(user, 30));

        List<Map<String, Object>> inbox = Api.awaitMessages(user, l -> l.size() == 3);
        List<Object> titles = inbox.stream().map(m -> m.get("title")).toList();
        assertTrue(titles.containsAll(List.of("Day one, done", "One whole week", "A whole month")), titles::toString);
        inbox.forEach(m -> assertEquals("milestone", m.get("kind")));
        assertEquals(3, inbox.stream().map(m -> m.get("body")).distinct().count());
    }

    @Test
    void aSlipGetsAKindMessageWithTheAfterASlipGuideAndOtherContactsGetNone() {
        String user = "s-" + UUID.randomUUID();
        Events.publish(new ContactLogged(user, UUID.randomUUID(), ContactKind.THEY_CONTACTED_IGNORED, Instant.now(), false));
        Events.publish(new ContactLogged(user, UUID.randomUUID(), ContactKind.I_CONTACTED, Instant.now(), true));

        Map<String, Object> slip = Api.awaitMessages(user, l -> !l.isEmpty()).get(0);
        assertEquals("slip", slip.get("kind"));
        assertEquals(Texts.AFTER_A_SLIP_LINK, slip.get("link"));
        assertTrue(((String) slip.get("body")).contains("day 0"));

        barrier(user);
        assertEquals(1, Api.messages(user).stream().filter(m -> "slip".equals(m.get("kind"))).count(),
                "the contact that did not break the streak made no message");
    }

    @Test
    void urgesAreEncouragedAtMostOncePerLocalDay() {
        String user = "u-" + UUID.randomUUID();
        clock.set(Instant.parse("2026-06-10T10:00:00Z"));
        Events.publish(Events.urge(user));
        Events.publish(Events.urge(user));
        barrier(user);
        assertEquals(1, count(user, "urge-resisted"));

        clock.set(Instant.parse("2026-06-11T10:00:00Z")); // the next day: encouraged again
        Events.publish(Events.urge(user));
        Api.awaitMessages(user, l -> l.stream().filter(m -> "urge-resisted".equals(m.get("kind"))).count() == 2);
    }

    @Test
    void aRunOfLowMoodsSuggestsTalkingToSomeoneAtMostOnceAWeek() {
        String user = "lm-" + UUID.randomUUID();
        Instant t = Instant.now().minus(1, ChronoUnit.HOURS);
        Events.publish(Events.entry(user, 2, t));
        Events.publish(Events.entry(user, 8, t.plusSeconds(1)));
        Events.publish(Events.entry(user, 3, t.plusSeconds(2)));
        Events.publish(Events.entry(user, 9, t.plusSeconds(3)));
        barrier(user);
        assertEquals(0, count(user, "low-mood"), "two low moods of four are not a run");

        Events.publish(Events.entry(user, 1, t.plusSeconds(4))); // third low of the last five
        Map<String, Object> support = Api.awaitMessages(user,
                l -> l.stream().anyMatch(m -> "low-mood".equals(m.get("kind")))).stream()
                .filter(m -> "low-mood".equals(m.get("kind"))).findFirst().orElseThrow();
        assertEquals(Texts.HELP_LINK, support.get("link"));

        Events.publish(Events.entry(user, 1, t.plusSeconds(5)));
        barrier(user);
        assertEquals(1, count(user, "low-mood"), "not again within the week");
    }

    @Test
    void newGuidesReachOnlyOptedInUsersInOneMessagePerDay() {
        String reader = "g-" + UUID.randomUUID();
        String other = "n-" + UUID.randomUUID();
        Api.putPreferences(reader, Api.preferences("Europe/Berlin", null, false, "20:00", true));
        Api.putPreferences(other, Api.preferences("Europe/Berlin", null, false, "20:00", false));

        String first = "Guide " + UUID.randomUUID();
        String second = "Guide " + UUID.randomUUID();
        Events.publish(new ArticlePublished(UUID.randomUUID(), "slug-1", first, List.of("after-a-slip"), Instant.now()));
        Events.publish(new ArticlePublished(UUID.randomUUID(), "slug-2", second, List.of("early-days"), Instant.now()));

        List<Map<String, Object>> inbox = Api.awaitMessages(reader,
                l -> l.size() == 1 && ((String) l.get(0).get("body")).contains(second));
        assertTrue(((String) inbox.get(0).get("body")).contains(first));
        assertEquals("new-guides", inbox.get(0).get("kind"));
        FanOuts.awaitAllFinished(); // delivered by fan-out jobs: let them end before looking at the other user
        assertEquals(List.of(), Api.messages(other));
    }

    @Test
    void theSameRecordDeliveredTwiceMakesOneMessage() {
        String user = "d-" + UUID.randomUUID();
        MilestoneReached milestone = Events.milestone(user, 14);
        String id = UUID.randomUUID().toString();
        KafkaEvents kafka = KafkaEvents.fromConfig();
        for (int i = 0; i < 2; i++) {
            kafka.publishRaw(Topics.STREAK, user, EventType.MILESTONE_REACHED.type(), Events.SOURCE,
                    milestone.subject(), EventJson.toTree(milestone), id);
        }
        barrier(user);
        assertEquals(1, count(user, "milestone") - 1, "one message for day 14 plus the barrier's");
    }

    /**
     * Publishes a milestone for the user after the events under test and waits for its message:
     * one user's events are consumed in order, so everything before it has been processed.
     */
    public static void barrier(String user) {
        long before = Api.messages(user).stream().filter(m -> "One year".equals(m.get("title"))).count();
        Events.publish(new MilestoneReached(user, UUID.randomUUID(), 365, Instant.now()));
        Api.awaitMessages(user, l -> l.stream().filter(m -> "One year".equals(m.get("title"))).count() == before + 1);
    }

    static long count(String user, String kind) {
        return Api.messages(user).stream().filter(m -> kind.equals(m.get("kind"))).count();
    }
}
