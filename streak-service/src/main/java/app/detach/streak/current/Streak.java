package app.detach.streak.current;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One no-contact streak, current ({@code endedAt == null}) or past. */
@Entity
@Table(name = "streak")
public class Streak extends PanacheEntityBase {

    public static final String ENDED_BY_CONTACT = "CONTACT";
    public static final String ENDED_BY_RESTART = "RESTARTED";
    /** The user ended no contact on purpose (not a slip). */
    public static final String ENDED_BY_CHOICE = "CHOSEN";

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    /** The local date of the start in the zone the user had then; fixed for the streak's life. */
    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** Final length in days, set when it ends. */
    @Column(name = "days")
    public Integer days;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "ended_by_contact_id")
    public UUID endedByContactId;

    @Column(name = "ended_by_kind")
    public String endedByKind;

    /** The readiness check the user did before ending no contact by choice, if any. */
    @Column(name = "ended_by_readiness_check_id")
    public UUID endedByReadinessCheckId;

    /** The next milestone not yet emitted, and when it falls due; null once ended. */
    @Column(name = "next_milestone_day")
    public Integer nextMilestoneDay;

    @Column(name = "next_milestone_at")
    public Instant nextMilestoneAt;

    public boolean isCurrent() {
        return endedAt == null;
    }
}
