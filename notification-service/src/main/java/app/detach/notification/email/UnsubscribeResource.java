package app.detach.notification.email;

import app.detach.notification.preference.Preference;
import app.detach.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;

/**
 * {@code /unsubscribe?token=}: the link at the bottom of every email. Public on purpose (no login;
 * outside /api so the gateway can route it without authentication): the signed token is the proof.
 *
 * <p>{@code GET} changes nothing: it shows a page with one "Stop emails" button. Mail scanners and
 * link previews fetch every link of a message, and a state-changing GET would silently unsubscribe
 * people who never clicked. {@code POST} does it: from that button, or straight from the mail client
 * as the RFC 8058 one-click unsubscribe ({@code List-Unsubscribe-Post: List-Unsubscribe=One-Click},
 * whose body is not needed: the token says who). It switches every email off (the email channel and
 * the weekly export email); the address stays until the user changes it. Both are idempotent.
 */
@Path("/unsubscribe")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    private final UnsubscribeTokens tokens;
    private final Clock clock;

    UnsubscribeResource(UnsubscribeTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GET
    public String confirm(@QueryParam("token") String token) {
        verified(token);
        // the token is ours (verified), so it is base64url and a dot: nothing to escape in the action
        return page("Stop emails from Detach?", """
                <p>Your messages stay in the app either way.</p>
                <form method="post" action="/unsubscribe?token=%s">
                <button type="submit">Stop emails</button>
                </form>""".formatted(token));
    }

    @POST
    @WithTransaction
    public Uni<String> unsubscribe(@QueryParam("token") String token) {
        String userId = verified(token);
        return Preference.<Preference>findById(userId).map(p -> {
            if (p != null && (p.channelEmail || p.weeklyExport)) {
                p.channelEmail = false;
                p.weeklyExport = false;
                p.nextExportAt = null;
                p.updatedAt = clock.instant();
            }
            // the same page whether or not there was anything to switch off
            return page("You will not get emails from Detach any more",
                    "<p>Your messages stay in the app. You can switch email back on in your settings.</p>");
        });
    }

    private String verified(String token) {
        return tokens.verify(token).orElseThrow(() -> ProblemException.invalid("token", "is not a valid unsubscribe link"));
    }

    private static String page(String title, String body) {
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body style="font-family: Georgia, serif; color: #2d2a26; max-width: 560px; margin: 48px auto; padding: 0 16px;">
                <h1 style="font-weight: normal;">%s</h1>
                %s
                </body></html>""".formatted(title, title, body);
    }
}
