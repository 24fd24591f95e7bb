package app.detach.gateway.archive;

import app.detach.rest.Problem;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A problem while restoring an archive, with what had already been restored before it happened
 * ({@code restored}, by part) and the part that stopped it ({@code part}): the user has to know
 * that their streak is back even though the journal was refused.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ImportProblem(URI type, String title, int status, String detail, String instance,
                     List<Problem.FieldError> errors, String part, Map<String, JsonNode> restored) {

    static ImportProblem of(Problem problem, String part, Map<String, JsonNode> restored) {
        return new ImportProblem(problem.type(), problem.title(), problem.status(), problem.detail(),
                problem.instance(), problem.errors() == null || problem.errors().isEmpty() ? null : problem.errors(),
                part, restored);
    }
}
