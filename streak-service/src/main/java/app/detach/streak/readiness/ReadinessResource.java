package app.detach.streak.readiness;

import app.detach.rest.CurrentUser;
import app.detach.streak.time.Clocks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The readiness self-check before ending no contact on purpose: the questions, and the user's
 * saved checks (to revisit, or to delete). Saving a check changes nothing else and emits no
 * event: the answers are the user's own words.
 */
@Path("/api/streak")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ReadinessResource {

    /** How many saved checks the list answers with at most (newest first). */
    static final int LIMIT = 100;

    private final CurrentUser user;
    private final ObjectMapper mapper;
    private final Clock clock;

    ReadinessResource(CurrentUser user, ObjectMapper mapper, Clock clock) {
        this.user = user;
        this.mapper = mapper;
        this.clock = clock;
    }

    public record Questions(List<Question> questions) {
    }

    public record ReadinessRequest(@NotNull Map<String, JsonNode> answers) {
    }

    public record CheckView(UUID id, Instant createdAt, Map<String, JsonNode> answers, String summary) {
    }

    public record CheckList(List<CheckView> items) {
    }

    @GET
    @Path("readiness/questions")
    public Questions questions() {
        return new Questions(Question.ALL);
    }

    @POST
    @Path("readiness-checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<Response> save(@Valid @NotNull ReadinessRequest request) {
        Map<String, JsonNode> answers = Answers.validate(request.answers());
        ReadinessCheck check = new ReadinessCheck();
        check.id = UUID.randomUUID();
        check.userId = user.id();
        check.createdAt = Clocks.now(clock);
        check.answers = Answers.write(mapper, answers);
        return check.persist().map(saved -> Response.status(Response.Status.CREATED).entity(view(check)).build());
    }

    @GET
    @Path("readiness-checks")
    @WithSession
    public Uni<CheckList> list() {
        return ReadinessCheck.<ReadinessCheck>find("userId = ?1 order by createdAt desc, id", user.id())
                .page(0, LIMIT).list()
                .map(checks -> new CheckList(checks.stream().map(this::view).toList()));
    }

    @GET
    @Path("readiness-checks/{id}")
    @WithSession
    public Uni<CheckView> get(@PathParam("id") String id) {
        return find(id).map(this::view);
    }

    @DELETE
    @Path("readiness-checks/{id}")
    @WithTransaction
    public Uni<Response> delete(@PathParam("id") String id) {
        return find(id).flatMap(check -> check.delete()).map(deleted -> Response.noContent().build());
    }

    /** The user's own check; another user's (or an id that is not a UUID) is 404 like a missing one. */
    private Uni<ReadinessCheck> find(String id) {
        return ReadinessChecks.findOwn(user.id(), id);
    }

    CheckView view(ReadinessCheck check) {
        Map<String, JsonNode> answers = Answers.read(mapper, check.answers);
        return new CheckView(check.id, check.createdAt, answers, Summary.of(answers));
    }
}
