package app.detach.rest;

import java.util.List;

/**
 * Thrown by resources and services to answer with a specific problem. The mapper turns it into a
 * problem+json response; nothing else about it reaches the client.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "Not found", detail));
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(400, "Bad request", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        Problem problem = new Problem(ProblemTypes.VALIDATION, "Invalid request", 400,
                "Some fields are invalid; see errors.", null, List.copyOf(errors));
        return new ProblemException(problem);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }
}
