package app.detach.notification.email;

import app.detach.notification.job.DueBatches;
import app.detach.notification.preference.Preferences;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Emails due messages to users who gave an address and switched the email channel on. A message
 * is marked {@code PENDING} when written (if the user wanted email then); each tick claims due
 * pending rows with {@code FOR UPDATE SKIP LOCKED} (replica-safe), re-checks the current
 * preferences with {@link Preferences#emailWanted} (an unsubscribe in between wins), sends HTML + text from Qute templates and marks
 * the row {@code SENT}. A failed send is retried on later ticks, {@value #MAX_ATTEMPTS} times at
 * most, then marked {@code FAILED}; the in-app message is unaffected.
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);
    static final int MAX_ATTEMPTS = 5;
    static final int BATCH = 20;

    private final Clock clock;
    private final ReactiveMailer mailer;
    private final UnsubscribeTokens tokens;
    private final Template html;
    private final Template text;
    private final String publicUrl;

    EmailSender(Clock clock, ReactiveMailer mailer, UnsubscribeTokens tokens,
            @Location("email/message.html") Template html, @Location("email/message.txt") Template text,
            @ConfigProperty(name = "detach.notification.public-url") String publicUrl) {
        this.clock = clock;
        this.mailer = mailer;
        this.tokens = tokens;
        this.html = html;
        this.text = text;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Scheduled(every = "${detach.notification.email.every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "send-email")
    Uni<Void> tick() {
        // more batches only while every send works: with the mail server down, a failed row waits
        // for the next tick instead of spending its attempts within one run
        return DueBatches.drain(LOG, "email", this::sendDue);
    }

    /** Sends one batch; true when it was full and every send worked (more may be waiting). */
    @SuppressWarnings("unchecked")
    Uni<Boolean> sendDue() {
        Instant now = clock.instant();
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "SELECT CAST(n.id AS text), n.user_id, n.title, n.body, n.link, p.email,"
                                        + " COALESCE(p.channel_email, false), n.kind, COALESCE(p.weekly_export, false)"
                                        + " FROM notification n"
                                        + " LEFT JOIN preference p ON p.user_id = n.user_id"
                                        + " WHERE n.email_status = 'PENDING' AND n.deliver_at <= :now"
                                        + " ORDER BY n.deliver_at LIMIT " + BATCH + " FOR UPDATE OF n SKIP LOCKED", Object[].class)
                        .setParameter("now", now.atOffset(ZoneOffset.UTC))
                        .getResultList()
                        .flatMap(rows -> {
                            Uni<Boolean> allSent = Uni.createFrom().item(rows.size() == BATCH);
                            for (Object[] row : (List<Object[]>) (List<?>) rows) {
                                allSent = allSent.flatMap(ok -> sendOne(s, row).map(sent -> ok && sent));
                            }
                            return allSent;
                        }));
    }

    /** False when the mail server refused it (the row stays pending for a later tick). */
    private Uni<Boolean> sendOne(org.hibernate.reactive.mutiny.Mutiny.Session s, Object[] row) {
        String id = (String) row[0];
        String userId = (String) row[1];
        String address = (String) row[5];
        String kind = (String) row[7];
        boolean wanted = Preferences.emailWanted(kind, (Boolean) row[6], (Boolean) row[8], address);
        if (!wanted) {
            return mark(s, id, "NONE", false).replaceWith(true); // unsubscribed or erased since the message was written
        }
        Mail mail = render(address, userId, kind, (String) row[2], (String) row[3], (String) row[4]);
        return mailer.send(mail)
                .replaceWith(Boolean.TRUE)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("could not email message %s: %s", id, e.getMessage());
                    return Boolean.FALSE;
                })
                .flatMap(sent -> (sent ? mark(s, id, "SENT", false) : mark(s, id, "PENDING", true)).replaceWith(sent));
    }

    Mail render(String address, String userId, String kind, String title, String body, String link) {
        String unsubscribe = publicUrl + "/unsubscribe?token=" + tokens.issue(userId);
        String open = publicUrl + (link == null ? "/" : link);
        // the footer says which switch this email comes from
        String reason = Preferences.WEEKLY_EXPORT_KIND.equals(kind)
                ? "You get this email because you asked for a weekly export in your Detach settings."
                : "You get this email because you switched on email in your Detach notification settings.";
        Mail mail = Mail.withHtml(address, title, html.data("title", title).data("body", body).data("link", open)
                .data("reason", reason).data("unsubscribe", unsubscribe).render());
        mail.setText(text.data("title", title).data("body", body).data("link", open).data("reason", reason)
                .data("unsubscribe", unsubscribe).render());
        // RFC 8058 one-click unsubscribe for mail clients that offer it: they POST to the link
        mail.addHeader("List-Unsubscribe", "<" + unsubscribe + ">");
        mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return mail;
    }

    private Uni<Integer> mark(org.hibernate.reactive.mutiny.Mutiny.Session s, String id, String status, boolean failed) {
        String sql = failed
                ? "UPDATE notification SET email_attempts = email_attempts + 1,"
                        + " email_status = CASE WHEN email_attempts + 1 >= " + MAX_ATTEMPTS + " THEN 'FAILED' ELSE 'PENDING' END"
                        + " WHERE id = CAST(:id AS uuid)"
                : "UPDATE notification SET email_status = :status WHERE id = CAST(:id AS uuid)";
        var query = s.createNativeQuery(sql).setParameter("id", id);
        if (!failed) {
            query.setParameter("status", status);
        }
        return query.executeUpdate();
    }
}
