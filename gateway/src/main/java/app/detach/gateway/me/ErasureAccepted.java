package app.detach.gateway.me;

import java.util.UUID;

/** The answer to {@code DELETE /api/me}: the erasure was requested, the services now carry it out. */
public record ErasureAccepted(String userId, UUID requestId, String status) {

    static ErasureAccepted requested(String userId, UUID requestId) {
        return new ErasureAccepted(userId, requestId, "erasure-requested");
    }
}
