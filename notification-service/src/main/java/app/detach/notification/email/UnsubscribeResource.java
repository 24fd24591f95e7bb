package app.detach.notification.email;

import app.detach.notification.preference.Preference;
import app.detach.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;

/**
 * {@code GET /unsubscribe?token=}: the link at the bottom of every email. Public on purpose (no
 * login; outside /api so the gateway can route it without authentication): the signed token is
 * the proof. Switches the email channel off; the address stays until the user changes it.
 */
@Path("/unsubscribe")
public class UnsubscribeResource {

    private final UnsubscribeTokens tokens;
    private final Clock clock;

    UnsubscribeResource(UnsubscribeTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @WithTransaction
    public Uni<String> unsubscribe(@QueryParam("token") String token) {
        String userId = tokens.verify(token)
                .orElseThrow(() -> ProblemException.invalid("token", "is not a valid unsubscribe link"));
        return Preference.<Preference>findById(userId).map(p -> {
            if (p != null && p.channelEmail) {
                p.channelEmail = false;
                p.updatedAt = clock.instant();
            }
            // the same page whether or not there was anything to switch off: the link is idempotent
            return """
                    <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribed</title></head>
                    <body><h1>You will not get emails from Detach any more</h1>
                    <p>Your messages stay in the app. You can switch email back on in your notification settings.</p>
                    </body></html>""";
        });
    }
}
