package app.detach.notification.preference;

import app.detach.rest.CurrentUser;
import app.detach.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in user's notification preferences. */
@Path("/api/notifications/preferences")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PreferenceResource {

    private final CurrentUser user;
    private final PreferenceStore store;

    PreferenceResource(CurrentUser user, PreferenceStore store) {
        this.user = user;
        this.store = store;
    }

    @GET
    @WithSession
    public Uni<PreferencesDocument> get() {
        return store.of(user.id()).map(PreferencesDocument::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<PreferencesDocument> put(PreferencesDocument document) {
        if (document == null) {
            throw ProblemException.badRequest("Send the preferences as a JSON object.");
        }
        Preferences prefs = document.validate();
        return store.save(user.id(), prefs).map(PreferencesDocument::of);
    }
}
