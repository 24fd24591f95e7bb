package app.detach.streak.checkin;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** "I kept no contact today": at most one per user and user-day. */
@Entity
@Table(name = "check_in")
public class CheckIn extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    /** The user's day it counts for (their zone and day-start hour at the time). */
    @Column(name = "local_date", nullable = false)
    public LocalDate localDate;

    @Column(name = "checked_in_at", nullable = false)
    public Instant checkedInAt;

    /** The zone in force on the device, when it sent one. */
    @Column(name = "time_zone")
    public String timeZone;

    /** The check-in streak this one reached: consecutive user-days with a check-in, this one included. */
    @Column(name = "streak_days", nullable = false)
    public int streakDays;
}
