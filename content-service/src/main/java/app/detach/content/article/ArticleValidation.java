package app.detach.content.article;

import app.detach.rest.Problem;
import app.detach.rest.ProblemException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks bean validation cannot express well; every problem names its field, e.g. {@code stages[1]}. */
final class ArticleValidation {

    private static final String TAG = "[a-z0-9]+(-[a-z0-9]+)*";

    private ArticleValidation() {
    }

    static void check(ArticleRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        noNul(errors, "title", request.title());
        noNul(errors, "summary", request.summary());
        noNul(errors, "body", request.body());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.stages().size(); i++) {
            String stage = request.stages().get(i);
            if (stage == null || Stage.fromWire(stage).isEmpty()) {
                errors.add(new Problem.FieldError("stages[" + i + "]", "must be one of " + Stage.NAMES));
            } else if (!seen.add(stage)) {
                errors.add(new Problem.FieldError("stages[" + i + "]", "is listed twice"));
            }
        }
        List<String> tags = request.tagsOrEmpty();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag == null || tag.length() > 40 || !tag.matches(TAG)) {
                errors.add(new Problem.FieldError("tags[" + i + "]",
                        "must be 1-40 lower-case letters, digits and single dashes"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    // PostgreSQL refuses NUL in text: catch it here as a 400 instead of a database error.
    private static void noNul(List<Problem.FieldError> errors, String field, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            errors.add(new Problem.FieldError(field, "must not contain NUL characters"));
        }
    }
}
