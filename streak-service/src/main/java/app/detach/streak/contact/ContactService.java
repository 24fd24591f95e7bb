package app.detach.streak.contact;

import app.detach.events.streak.ContactLogged;
import app.detach.outbox.Outbox;
import app.detach.rest.ProblemException;
import app.detach.streak.current.StreakService;
import app.detach.streak.settings.DaySettings;
import app.detach.streak.current.StreakView;
import app.detach.streak.current.Streaks;
import app.detach.streak.rules.Backdating;
import app.detach.streak.rules.ContactRules;
import app.detach.streak.time.Clocks;
import app.detach.streak.time.Inputs;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Logging a contact. A breaking contact dated inside the current streak ends it at that instant
 * and the next streak starts at the same instant (events: contact-logged, streak-reset,
 * streak-started). One dated before the current streak's start only joins the history.
 */
@ApplicationScoped
public class ContactService {

    private final Streaks streaks;
    private final StreakService streakService;
    private final Outbox outbox;
    private final Inputs inputs;
    private final Clock clock;
    private final DaySettings daySettings;

    ContactService(Streaks streaks, StreakService streakService, Outbox outbox, Inputs inputs, Clock clock,
            DaySettings daySettings) {
        this.daySettings = daySettings;
        this.streaks = streaks;
        this.streakService = streakService;
        this.outbox = outbox;
        this.inputs = inputs;
        this.clock = clock;
    }

    /** What POST /api/streak/contacts answers. */
    public record Logged(UUID contactId, String kind, Instant occurredAt, boolean brokeStreak, ContactPurpose purpose,
            String timeZone, StreakView streak) {
    }

    @WithTransaction
    public Uni<Logged> log(String userId, ContactRequest request) {
        Instant now = Clocks.now(clock);
        Instant occurredAt = inputs.pastInstant("occurredAt",
                request.occurredAt() == null ? now : request.occurredAt(), now);
        return streaks.lockCurrent(userId).flatMap(locked -> daySettings.followDevice(locked.user(), locked.current(),
                request.timeZone(), now).flatMap(deviceZone -> {
            boolean limited = locked.user().limitedContact;
            if (request.purpose() != null && !ContactRules.purposeAllowed(request.kind(), limited)) {
                throw ProblemException.invalid("purpose", "a purpose goes with kind NECESSARY_CONTACT"
                        + " (or turn on limited contact in the settings)");
            }
            boolean breaks = ContactRules.breaksStreak(request.kind(), locked.user().socialMediaCheckBreaks,
                    request.purpose() != null, limited);
            Backdating.Effect effect = Backdating.effect(occurredAt, now, locked.current().startedAt, breaks);
            Contact contact = new Contact();
            contact.id = UUID.randomUUID();
            contact.userId = userId;
            contact.kind = request.kind();
            contact.occurredAt = occurredAt;
            contact.brokeStreak = effect == Backdating.Effect.BREAKS_CURRENT;
            contact.note = request.note();
            contact.purpose = request.purpose();
            contact.timeZone = deviceZone;
            contact.createdAt = now;
            Uni<?> saved = contact.persist()
                    .call(() -> outbox.record(new ContactLogged(userId, contact.id, contact.kind, occurredAt,
                            contact.brokeStreak, deviceZone)));
            if (contact.brokeStreak) {
                saved = saved
                        .call(() -> streaks.endByContact(locked.current(), locked.user().boundary(), occurredAt,
                                contact.id, contact.kind.name()))
                        .call(() -> streaks.begin(locked.user(), occurredAt, now));
            }
            return saved.flatMap(ignored -> streakService.view(userId, now))
                    .map(view -> new Logged(contact.id, contact.kind.name(), occurredAt, contact.brokeStreak,
                            contact.purpose, contact.timeZone, view));
        }));
    }
}
