package app.detach.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem+json answer. Priorities are above the built-in
 * mappers of Quarkus REST so that, for example, a malformed body gets our shape and not theirs.
 * Nothing from an exception's message reaches the client unless we wrote that message ourselves:
 * Jackson and JDBC messages can echo what a user wrote.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int FIRST = Priorities.USER - 100;

    @ServerExceptionMapper(priority = FIRST)
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(ProblemException.invalid(errors).problem(), uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    // Quarkus REST ships its own mapper for this subtype; naming it here makes ours the closest match.
    @ServerExceptionMapper(priority = FIRST)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return signInRequired(uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return signInRequired(uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "Forbidden", "You do not have the role this needs."), uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json), uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = Response.Status.fromStatusCode(status) == null
                ? "Request failed" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(Problem.of(status, title, detailFor(status)), uri);
    }

    @ServerExceptionMapper(priority = FIRST + 1)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (StoreUnavailable.causedBy(e)) {
            // The database is down or restarting: a retryable 503, not a 500 (nothing was lost, try again).
            LOG.warnf("Database unavailable on %s: %s", uri == null ? "?" : uri.getPath(), StoreUnavailable.describe(e));
            return Response.fromResponse(respond(Problem.of(503, "Service unavailable",
                            "We cannot reach our storage right now; nothing you sent was saved. Please try again in a moment."), uri))
                    .header("Retry-After", StoreUnavailable.RETRY_AFTER_SECONDS).build();
        }
        // The id ties the log line to the answer without giving the client anything internal.
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", errorId, uri == null ? "?" : uri.getPath());
        return respond(Problem.of(500, "Internal error",
                "Something went wrong on our side; nothing you sent was lost. Reference: " + errorId), uri);
    }

    /** Names the offending field for mapping errors; says only "not JSON" for syntax errors. */
    static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return ProblemException.invalid(pathOf(u), "unknown field").problem();
        }
        if (e instanceof InvalidFormatException f) {
            String expected = f.getTargetType() == null ? "another type" : f.getTargetType().getSimpleName();
            return ProblemException.invalid(pathOf(f), "has the wrong type or format; expected " + expected).problem();
        }
        if (e instanceof JsonMappingException m && !(e.getCause() instanceof JsonProcessingException)) {
            return ProblemException.invalid(pathOf(m), "has the wrong type or shape").problem();
        }
        return new Problem(ProblemTypes.MALFORMED_BODY, "Malformed body", 400,
                "The request body is not valid JSON.", null, List.of());
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "There is nothing here.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This resource cannot answer in the requested media type.";
            case 413 -> "The request body is too large.";
            case 415 -> "Send the body as application/json.";
            default -> "The request could not be processed.";
        };
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // Bean Validation paths look like "create.request.mood"; clients know only "mood".
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length <= 2 ? parts[parts.length - 1] : String.join(".", List.of(parts).subList(2, parts.length));
    }

    static String pathOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    private static Response signInRequired(UriInfo uri) {
        Problem problem = Problem.of(401, "Unauthorized", "Sign in (or send a valid bearer token) to use this API.");
        return unauthorized(problem, uri == null ? null : uri.getPath(), "Bearer");
    }

    /**
     * The one shape of a 401: the problem+json body and the {@code WWW-Authenticate} challenge
     * (RFC 6750), e.g. {@code Bearer} or {@code Bearer error="invalid_token", ...}.
     */
    public static Response unauthorized(Problem problem, String path, String challenge) {
        Problem withInstance = path == null ? problem : problem.withInstance(path);
        return Response.status(401).type(Problem.MEDIA_TYPE).entity(withInstance)
                .header("WWW-Authenticate", challenge).build();
    }

    private static Response respond(Problem problem, UriInfo uri) {
        Problem withInstance = uri == null ? problem : problem.withInstance(uri.getPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(withInstance).build();
    }
}
