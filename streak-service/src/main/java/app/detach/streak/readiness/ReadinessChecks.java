package app.detach.streak.readiness;

import app.detach.rest.ProblemException;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/** Looking up a user's own readiness check. */
public final class ReadinessChecks {

    private ReadinessChecks() {
    }

    /** The check with this id if it is the user's; 404 otherwise (also for an id that is not a UUID). */
    public static Uni<ReadinessCheck> findOwn(String userId, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ProblemException.notFound("No such readiness check."));
        }
        return ReadinessCheck.<ReadinessCheck>find("id = ?1 and userId = ?2", uuid, userId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No such readiness check."));
    }
}
