package app.detach.streak.contact;

import app.detach.events.streak.ContactKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * POST /api/streak/contacts.
 *
 * @param occurredAt when it happened (default now); may be backdated, never in the future
 * @param note       the user's own words, kept private (max 2000 characters)
 * @param purpose    why it was necessary; with limited contact on, a contact with a purpose never breaks the
 *                   streak; without it, a purpose is only accepted with kind NECESSARY_CONTACT
 * @param timeZone   the IANA zone in force on the device (stored with the contact; in FOLLOW_CURRENT it moves the
 *                   user's zone)
 */
public record ContactRequest(@NotNull ContactKind kind, Instant occurredAt, @Size(max = 2000) String note,
        ContactPurpose purpose, @Size(max = 64) String timeZone) {
}
