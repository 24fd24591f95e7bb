package app.detach.streak.readiness;

import app.detach.rest.Problem;
import app.detach.rest.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks answers against the questions and (de)serialises them for the table. */
public final class Answers {

    static final int MAX_TEXT = 2000;

    private Answers() {
    }

    /** 400 naming each bad answer as {@code answers.<questionId>}; at least one answer is needed. */
    public static Map<String, JsonNode> validate(Map<String, JsonNode> answers) {
        if (answers == null || answers.isEmpty()) {
            throw ProblemException.invalid("answers", "answer at least one question");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, JsonNode> valid = new LinkedHashMap<>();
        answers.forEach((id, value) -> {
            String field = "answers." + id;
            Question question = Question.byId(id).orElse(null);
            if (question == null) {
                errors.add(new Problem.FieldError(field, "no such question"));
                return;
            }
            String problem = switch (question.kind()) {
                case SCALE_1_5 -> value != null && value.isInt() && value.intValue() >= 1 && value.intValue() <= 5
                        ? null : "must be a whole number from 1 to 5";
                case YES_NO -> value != null && value.isBoolean() ? null : "must be true or false";
                case TEXT -> value != null && value.isTextual() && !value.textValue().isBlank()
                        && value.textValue().length() <= MAX_TEXT ? null : "must be text of 1–" + MAX_TEXT + " characters";
            };
            if (problem != null) {
                errors.add(new Problem.FieldError(field, problem));
            } else {
                valid.put(id, value);
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return valid;
    }

    public static String write(ObjectMapper mapper, Map<String, JsonNode> answers) {
        try {
            return mapper.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answers could not be written", e);
        }
    }

    public static Map<String, JsonNode> read(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, new TypeReference<LinkedHashMap<String, JsonNode>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answers could not be read", e);
        }
    }
}
