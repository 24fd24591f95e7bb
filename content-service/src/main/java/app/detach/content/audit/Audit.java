package app.detach.content.audit;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Records admin changes in the caller's transaction, so a change and its audit row commit together. */
@ApplicationScoped
public class Audit {

    private final Clock clock;

    Audit(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> record(String actor, String action, String targetType, Object targetId, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        entry.actor = actor;
        entry.action = action;
        entry.targetType = targetType;
        entry.targetId = String.valueOf(targetId);
        entry.detail = detail;
        return entry.persist().replaceWithVoid();
    }
}
