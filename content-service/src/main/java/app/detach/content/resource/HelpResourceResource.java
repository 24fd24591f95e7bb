package app.detach.content.resource;

import app.detach.rest.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Locale;

/** Help lines for the reader's country, always with the emergency line. */
@Path("/api/content/resources")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class HelpResourceResource {

    private final HelpResources resources;

    HelpResourceResource(HelpResources resources) {
        this.resources = resources;
    }

    @GET
    public Uni<HelpResourceView.Answer> forCountry(@QueryParam("country") String country) {
        String code = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        if (code != null && !code.matches("[A-Z]{2}")) {
            throw ProblemException.invalid("country", "must be an ISO 3166-1 alpha-2 code such as GB");
        }
        return resources.forCountry(code);
    }
}
