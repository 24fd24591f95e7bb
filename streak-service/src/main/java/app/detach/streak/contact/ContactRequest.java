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
 */
public record ContactRequest(@NotNull ContactKind kind, Instant occurredAt, @Size(max = 2000) String note) {
}
