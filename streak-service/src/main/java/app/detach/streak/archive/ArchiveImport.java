package app.detach.streak.archive;

import app.detach.events.streak.StreakStarted;
import app.detach.outbox.Outbox;
import app.detach.rest.Problem;
import app.detach.rest.ProblemException;
import app.detach.streak.checkin.CheckIn;
import app.detach.streak.contact.Contact;
import app.detach.streak.current.Streak;
import app.detach.streak.current.StreakUser;
import app.detach.streak.current.Streaks;
import app.detach.streak.readiness.Answers;
import app.detach.streak.readiness.ReadinessCheck;
import app.detach.streak.rules.MilestonePlan;
import app.detach.streak.settings.DaySettings;
import app.detach.streak.time.Clocks;
import app.detach.streak.time.Inputs;
import app.detach.streak.urge.Urge;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Restores an {@link Archive} into a user who has no streak data (else 409), in one transaction.
 *
 * <p>Every record gets a new id (references between them are carried over): an archive can then
 * be imported into any empty account without colliding with rows that still exist elsewhere.
 * History keeps its timestamps. Events: {@code day-settings-changed} for the settings and
 * {@code streak-started} for the current streak, which other services' projections need; never
 * contacts, urges, check-ins or milestones of past days. Milestones already behind the current
 * streak are not celebrated again; the next one to come will be.
 */
@ApplicationScoped
public class ArchiveImport {

    private static final List<String> TABLES = List.of("streak", "contact", "urge", "check_in", "readiness_check");

    private final Streaks streaks;
    private final DaySettings daySettings;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;

    ArchiveImport(Streaks streaks, DaySettings daySettings, Outbox outbox, ObjectMapper mapper, Clock clock) {
        this.streaks = streaks;
        this.daySettings = daySettings;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Uni<Archive.Restored> into(String userId, Archive archive) {
        Instant now = Clocks.now(clock);
        check(archive, now);
        return hasData(userId).flatMap(has -> {
            if (has) {
                throw conflict();
            }
            if (archive.settings() == null) {
                return restoreRecords(userId, null, archive, now);
            }
            var s = archive.settings();
            ZoneId zone = ZoneId.of(s.timeZone());
            // the insert is the guard against two imports at once: only one creates the row
            return streaks.ensureUser(userId, zone.getId(), s.socialMediaCheckBreaks(), now).flatMap(inserted -> {
                if (!inserted) {
                    throw conflict();
                }
                return StreakUser.<StreakUser>findById(userId, LockModeType.PESSIMISTIC_WRITE)
                        .flatMap(user -> {
                            user.socialMediaCheckBreaks = s.socialMediaCheckBreaks();
                            user.limitedContact = s.limitedContact() != null && s.limitedContact().enabled();
                            return daySettings.change(user, null, zone, s.zoneMode(), s.dayStartHour(), now, true)
                                    .flatMap(ignored -> restoreRecords(userId, user, archive, now));
                        });
            });
        });
    }

    private static ProblemException conflict() {
        return ProblemException.conflict("This account already has streak data; an archive can only be restored"
                + " into an account without any.");
    }

    private Uni<Archive.Restored> restoreRecords(String userId, StreakUser user, Archive archive, Instant now) {
        Map<UUID, UUID> contactIds = new HashMap<>();
        Map<UUID, UUID> checkIds = new HashMap<>();
        List<PanacheEntityBase> rows = new ArrayList<>();
        archive.readinessChecks().forEach(a -> {
            ReadinessCheck r = new ReadinessCheck();
            r.id = UUID.randomUUID();
            checkIds.put(a.id(), r.id);
            r.userId = userId;
            r.createdAt = a.createdAt();
            r.answers = Answers.write(mapper, a.answers());
            rows.add(r);
        });
        archive.contacts().forEach(a -> {
            Contact c = new Contact();
            c.id = UUID.randomUUID();
            contactIds.put(a.contactId(), c.id);
            c.userId = userId;
            c.kind = a.kind();
            c.occurredAt = a.occurredAt();
            c.brokeStreak = a.brokeStreak();
            c.note = a.note();
            c.purpose = a.purpose();
            c.timeZone = a.timeZone();
            c.createdAt = now;
            rows.add(c);
        });
        archive.urges().forEach(a -> {
            Urge u = new Urge();
            u.id = UUID.randomUUID();
            u.userId = userId;
            u.intensity = a.intensity().shortValue();
            u.occurredAt = a.occurredAt();
            u.note = a.note();
            u.timeZone = a.timeZone();
            u.createdAt = now;
            rows.add(u);
        });
        archive.checkIns().forEach(a -> {
            CheckIn c = new CheckIn();
            c.id = UUID.randomUUID();
            c.userId = userId;
            c.localDate = a.localDate();
            c.checkedInAt = a.checkedInAt();
            c.streakDays = a.checkInStreakDays();
            c.timeZone = a.timeZone();
            rows.add(c);
        });
        Streak current = null;
        for (Archive.ArchivedStreak a : archive.streaks()) {
            Streak s = new Streak();
            s.id = UUID.randomUUID();
            s.userId = userId;
            s.startedAt = a.startedAt();
            s.startDate = a.startDate();
            s.endedAt = a.endedAt();
            if (a.endedAt() != null) {
                s.days = a.days();
                s.endReason = a.endedBy();
                s.endedByContactId = a.contactId() == null ? null : contactIds.get(a.contactId());
                s.endedByKind = a.contactKind() == null ? null : a.contactKind().name();
                s.endedByReadinessCheckId = a.readinessCheckId() == null ? null : checkIds.get(a.readinessCheckId());
            } else {
                // the current streak: only milestones still to come will be celebrated
                MilestonePlan.Due next = MilestonePlan.nextAfterNow(s.startDate, now, user.boundary());
                s.nextMilestoneDay = next.day();
                s.nextMilestoneAt = next.at();
                user.currentStreakId = s.id;
                current = s;
            }
            rows.add(s);
        }
        Streak started = current;
        Uni<Void> saved = rows.isEmpty() ? Uni.createFrom().voidItem() : PanacheEntityBase.persist(rows);
        if (started != null) {
            saved = saved.call(() -> outbox.record(new StreakStarted(userId, started.id, started.startedAt,
                    user.timeZone))).replaceWithVoid();
        }
        Map<String, Integer> restored = new LinkedHashMap<>();
        restored.put("settings", user == null ? 0 : 1);
        restored.put("streaks", archive.streaks().size());
        restored.put("contacts", archive.contacts().size());
        restored.put("urges", archive.urges().size());
        restored.put("checkIns", archive.checkIns().size());
        restored.put("readinessChecks", archive.readinessChecks().size());
        return saved.replaceWith(new Archive.Restored(restored));
    }

    /** Whether the user has any streak data at all (settings included). */
    private static Uni<Boolean> hasData(String userId) {
        StringBuilder sql = new StringBuilder("SELECT EXISTS (SELECT 1 FROM streak_user WHERE user_id = :user)");
        TABLES.forEach(t -> sql.append(" OR EXISTS (SELECT 1 FROM ").append(t).append(" WHERE user_id = :user)"));
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql.toString(), Boolean.class)
                .setParameter("user", userId).getSingleResult());
    }

    /** The checks bean validation cannot do: versions, zones, answers, and a coherent history. */
    private static void check(Archive archive, Instant now) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (archive.settings() != null) {
            zone(errors, "settings.timeZone", archive.settings().timeZone());
        } else if (!archive.streaks().isEmpty() || !archive.contacts().isEmpty() || !archive.urges().isEmpty()
                || !archive.checkIns().isEmpty()) {
            errors.add(new Problem.FieldError("settings", "must be present when there are streaks, contacts,"
                    + " urges or check-ins"));
        }
        int currents = 0;
        for (int i = 0; i < archive.streaks().size(); i++) {
            Archive.ArchivedStreak s = archive.streaks().get(i);
            String field = "streaks[" + i + "]";
            if (s.startedAt().isAfter(now)) {
                errors.add(new Problem.FieldError(field + ".startedAt", "must not be in the future"));
            }
            if (s.endedAt() == null) {
                currents++;
            } else {
                if (s.endedAt().isBefore(s.startedAt())) {
                    errors.add(new Problem.FieldError(field + ".endedAt", "must not be before startedAt"));
                }
                if (s.days() == null || s.endedBy() == null) {
                    errors.add(new Problem.FieldError(field, "an ended streak needs days and endedBy"));
                }
            }
        }
        if (currents > 1) {
            errors.add(new Problem.FieldError("streaks", "at most one streak may be current (without endedAt)"));
        }
        for (int i = 0; i < archive.contacts().size(); i++) {
            zoneIfAny(errors, "contacts[" + i + "].timeZone", archive.contacts().get(i).timeZone());
        }
        for (int i = 0; i < archive.urges().size(); i++) {
            zoneIfAny(errors, "urges[" + i + "].timeZone", archive.urges().get(i).timeZone());
        }
        Set<LocalDate> days = new HashSet<>();
        for (int i = 0; i < archive.checkIns().size(); i++) {
            Archive.ArchivedCheckIn c = archive.checkIns().get(i);
            zoneIfAny(errors, "checkIns[" + i + "].timeZone", c.timeZone());
            if (!days.add(c.localDate())) {
                errors.add(new Problem.FieldError("checkIns[" + i + "].localDate", "one check-in per day"));
            }
        }
        for (int i = 0; i < archive.readinessChecks().size(); i++) {
            try {
                Answers.validate(archive.readinessChecks().get(i).answers());
            } catch (ProblemException e) {
                String prefix = "readinessChecks[" + i + "].";
                e.problem().errors().forEach(err -> errors.add(new Problem.FieldError(prefix + err.field(), err.message())));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void zoneIfAny(List<Problem.FieldError> errors, String field, String zone) {
        if (zone != null) {
            zone(errors, field, zone);
        }
    }

    private static void zone(List<Problem.FieldError> errors, String field, String zone) {
        try {
            Inputs.zone(field, zone);
        } catch (ProblemException e) {
            errors.add(new Problem.FieldError(field, "'" + zone + "' is not an IANA time zone (e.g. Europe/Paris)"));
        }
    }
}
