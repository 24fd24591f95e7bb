package app.detach.streak.archive;

import app.detach.events.streak.ContactKind;
import app.detach.streak.checkin.CheckIn;
import app.detach.streak.contact.Contact;
import app.detach.streak.current.Streak;
import app.detach.streak.current.StreakUser;
import app.detach.streak.readiness.Answers;
import app.detach.streak.readiness.Summary;
import app.detach.streak.readiness.ReadinessCheck;
import app.detach.streak.settings.SettingsView;
import app.detach.streak.urge.Urge;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Reads all of a user's streak data into an {@link Archive}, oldest first. */
@ApplicationScoped
public class ArchiveExport {

    private final ObjectMapper mapper;

    ArchiveExport(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Archive> of(String userId) {
        return StreakUser.<StreakUser>findById(userId)
                .flatMap(settings -> Streak.<Streak>list("userId = ?1 order by startedAt, endedAt nulls last", userId)
                        .flatMap(streaks -> Contact.<Contact>list("userId = ?1 order by occurredAt", userId)
                                .flatMap(contacts -> Urge.<Urge>list("userId = ?1 order by occurredAt", userId)
                                        .flatMap(urges -> CheckIn.<CheckIn>list("userId = ?1 order by localDate", userId)
                                                .flatMap(checkIns -> ReadinessCheck.<ReadinessCheck>list(
                                                                "userId = ?1 order by createdAt", userId)
                                                        .map(checks -> new Archive(Archive.VERSION,
                                                                settings == null ? null : SettingsView.of(settings),
                                                                streaks.stream().map(s -> new Archive.ArchivedStreak(
                                                                        s.id, s.startedAt, s.startDate, s.endedAt, s.days,
                                                                        s.endReason, s.endedByContactId,
                                                                        s.endedByKind == null ? null
                                                                                : ContactKind.valueOf(s.endedByKind),
                                                                        s.endedByReadinessCheckId)).toList(),
                                                                contacts.stream().map(c -> new Archive.ArchivedContact(
                                                                        c.id, c.kind, c.occurredAt, c.brokeStreak, c.note,
                                                                        c.purpose, c.timeZone)).toList(),
                                                                urges.stream().map(u -> new Archive.ArchivedUrge(u.id,
                                                                        (int) u.intensity, u.occurredAt, u.note,
                                                                        u.timeZone)).toList(),
                                                                checkIns.stream().map(c -> new Archive.ArchivedCheckIn(
                                                                        c.id, c.localDate, c.checkedInAt, c.streakDays,
                                                                        c.timeZone)).toList(),
                                                                checks.stream().map(r -> {
                                                                    Map<String, JsonNode> answers = Answers.read(mapper, r.answers);
                                                                    return new Archive.ArchivedReadinessCheck(r.id,
                                                                            r.createdAt, answers, Summary.of(answers));
                                                                }).toList())))))));
    }
}
