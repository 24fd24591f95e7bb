package app.detach.gateway.archive;

import app.detach.rest.Problem;
import app.detach.rest.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a user has, in one file they can keep and import back into an empty account. The
 * gateway owns no data: it asks each service for its part with the user's own token (so each
 * service decides what is theirs, exactly as for any other call) and puts the parts together; an
 * import hands each part back to its service in a fixed order and stops at the first refusal.
 */
@Path("/api/me/archive")
public class ArchiveResource {

    private static final Logger LOG = Logger.getLogger(ArchiveResource.class);
    private static final String INSTANCE = "/api/me/archive";

    private final SecurityIdentity identity;
    private final ServiceArchives services;
    private final Clock clock = Clock.systemUTC();

    ArchiveResource(SecurityIdentity identity, ServiceArchives services) {
        this.identity = identity;
        this.services = services;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Download everything the signed-in user has (journal, drafts, streak history, contacts, urges, preferences) as one JSON file")
    public Uni<Response> export() {
        String token = accessToken();
        List<Uni<JsonNode>> fetches = new ArrayList<>();
        for (ArchivePart part : ArchivePart.values()) {
            fetches.add(services.get(part, token)
                    .onFailure().transform(failure -> unreachable(part, "collect", failure))
                    .map(answer -> {
                        if (!answer.ok() || answer.body() == null) {
                            LOG.warnf("export: %s answered %d", part.upstream(), answer.status());
                            throw unavailable(part, "collect");
                        }
                        return answer.body();
                    }));
        }
        // the services are asked at the same time; the first one that cannot answer fails the export
        return Uni.combine().all().unis(fetches).with(JsonNode.class, bodies -> {
            Map<ArchivePart, JsonNode> parts = new EnumMap<>(ArchivePart.class);
            for (ArchivePart part : ArchivePart.values()) {
                parts.put(part, bodies.get(part.ordinal()));
            }
            Instant now = clock.instant();
            String filename = "detach-archive-" + now.atZone(ZoneOffset.UTC).toLocalDate() + ".json";
            return Response.ok(ArchiveDocument.of(now, parts), MediaType.APPLICATION_JSON_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Restore an archive into an account that holds none of that data yet: streak, then journal, then notifications")
    public Uni<Response> restore(JsonNode document) {
        Map<ArchivePart, JsonNode> parts = ArchiveDocument.partsToRestore(document);
        String token = accessToken();
        Map<String, JsonNode> restored = new LinkedHashMap<>();
        Uni<Response> chain = Uni.createFrom().nullItem();
        for (Map.Entry<ArchivePart, JsonNode> entry : parts.entrySet()) {
            ArchivePart part = entry.getKey();
            // one after the other, in restore order; a refusal ends the chain with its problem
            chain = chain.chain(stopped -> stopped != null ? Uni.createFrom().item(stopped)
                    : services.post(part, token, entry.getValue())
                            .onFailure().recoverWithItem(failure -> {
                                LOG.warnf("import: %s unreachable: %s", part.upstream(), failure.toString());
                                return null;
                            })
                            .map(answer -> afterRestore(part, answer, restored)));
        }
        return chain.map(stopped -> stopped != null ? stopped
                : Response.status(201).entity(Map.of("restored", restored)).build());
    }

    /** Records a restored part and returns {@code null}, or returns the problem that ends the import. */
    private Response afterRestore(ArchivePart part, ServiceArchives.Answer answer, Map<String, JsonNode> restored) {
        if (answer != null && answer.ok()) {
            JsonNode counts = answer.body() == null ? null : answer.body().get("restored");
            restored.put(part.field(), counts != null ? counts
                    : answer.body() != null ? answer.body() : JsonNodeFactory.instance.objectNode());
            return null;
        }
        String before = restored.isEmpty() ? "Nothing was restored."
                : "Already restored: " + String.join(", ", restored.keySet()) + ".";
        Problem problem;
        if (answer != null && answer.status() == 409) {
            problem = Problem.of(409, "Conflict", "Your account already holds " + part.field()
                    + " data, so that part was not imported (an archive only goes into an empty account). " + before);
        } else if (answer != null && (answer.status() == 400 || answer.status() == 422)) {
            problem = Problem.of(400, "Bad Request", "The " + part.field() + " part of this archive was refused: "
                    + detailOf(answer.body()) + " " + before).withErrors(fieldErrors(part, answer.body()));
        } else {
            if (answer != null) {
                LOG.warnf("import: %s answered %d", part.upstream(), answer.status());
            }
            problem = Problem.of(503, "Service Unavailable", "The " + part.field()
                    + " part could not be restored right now. " + before + " Try again in a moment.");
        }
        ImportProblem body = ImportProblem.of(problem.withInstance(INSTANCE), part.field(), Map.copyOf(restored));
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String detailOf(JsonNode problem) {
        JsonNode detail = problem == null ? null : problem.get("detail");
        return detail != null && detail.isTextual() ? detail.asText() : "it does not have the expected shape.";
    }

    /** The service's field errors, named from the archive's root ({@code journal.entries[0].body}). */
    private static List<Problem.FieldError> fieldErrors(ArchivePart part, JsonNode problem) {
        List<Problem.FieldError> errors = new ArrayList<>();
        JsonNode list = problem == null ? null : problem.get("errors");
        if (list != null && list.isArray()) {
            for (JsonNode error : list) {
                String field = error.path("field").asText("");
                errors.add(new Problem.FieldError(field.isEmpty() ? part.field() : part.field() + "." + field,
                        error.path("message").asText("is not valid")));
            }
        }
        return errors;
    }

    private String accessToken() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null) {
            // not reachable while /api/* requires a signed-in user; never call a service anonymously
            throw new ProblemException(Problem.of(401, "Unauthorized", "Sign in to use your archive."));
        }
        return credential.getToken();
    }

    private static ProblemException unreachable(ArchivePart part, String verb, Throwable failure) {
        LOG.warnf("archive: %s unreachable: %s", part.upstream(), failure.toString());
        return unavailable(part, verb);
    }

    private static ProblemException unavailable(ArchivePart part, String verb) {
        return new ProblemException(Problem.of(503, "Service Unavailable", "We could not " + verb + " your "
                + part.field() + " just now, so no archive was made. Try again in a moment."));
    }
}
