package app.detach.notification.archive;

import app.detach.notification.preference.Preference;
import app.detach.notification.preference.PreferenceStore;
import app.detach.notification.preference.Preferences;
import app.detach.notification.preference.PreferencesDocument;
import app.detach.rest.CurrentUser;
import app.detach.rest.Problem;
import app.detach.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Map;

/** The user's notification preferences as part of their archive, and the way back. */
@Path("/api/notifications/archive")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ArchiveResource {

    private final CurrentUser user;
    private final PreferenceStore store;

    ArchiveResource(CurrentUser user, PreferenceStore store) {
        this.user = user;
        this.store = store;
    }

    /** {@code {version: 1, preferences}}; {@code preferences} is null when none were ever saved. */
    @GET
    @WithSession
    public Uni<RestResponse<NotificationArchive>> export() {
        return Preference.<Preference>findById(user.id())
                .flatMap(row -> row == null ? Uni.createFrom().<PreferencesDocument>nullItem()
                        : store.of(row).map(PreferencesDocument::of))
                .map(prefs -> RestResponse.ResponseBuilder.ok(new NotificationArchive(NotificationArchive.VERSION, prefs))
                        .header("Cache-Control", "no-store").build());
    }

    /**
     * Restores the preferences of a user who has none (else 409) → 201
     * {@code {restored: {preferences: 0|1}}}; 400 naming each invalid field.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<RestResponse<Map<String, Map<String, Integer>>>> restore(NotificationArchive archive) {
        Preferences prefs = validate(archive);
        String userId = user.id();
        return store.exists(userId).flatMap(exists -> {
            if (exists) {
                throw ProblemException.conflict("Notification preferences are already saved for this account:"
                        + " an archive is only restored into an account without them.");
            }
            Uni<?> saved = prefs == null ? Uni.createFrom().voidItem() : store.save(userId, prefs);
            return saved.replaceWith(RestResponse.status(RestResponse.Status.CREATED,
                    Map.of("restored", Map.of("preferences", prefs == null ? 0 : 1))));
        });
    }

    private static Preferences validate(NotificationArchive archive) {
        if (archive == null) {
            throw ProblemException.invalid("body", "must be a notification archive (a JSON object)");
        }
        if (archive.version() == null || archive.version() != NotificationArchive.VERSION) {
            throw ProblemException.invalid("version", "must be " + NotificationArchive.VERSION);
        }
        if (archive.preferences() == null) {
            return null;
        }
        try {
            return archive.preferences().validate();
        } catch (ProblemException e) {
            List<Problem.FieldError> errors = e.problem().errors() == null ? List.of() : e.problem().errors();
            throw ProblemException.invalid(errors.stream()
                    .map(error -> new Problem.FieldError("preferences." + error.field(), error.message()))
                    .toList());
        }
    }
}
