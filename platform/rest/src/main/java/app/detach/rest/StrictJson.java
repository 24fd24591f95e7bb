package app.detach.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Two of Jackson's lenient coercions turn a malformed request into a silently different one, so
 * they are off for every service (found by the system tests' bad-input corpus):
 * a boolean field given a number or a string ({@code 2}, {@code "\u0000"}) was read as true/false,
 * and a date-time given a blank string was read as absent (e.g. "now" for a contact's time).
 * Both are now a 400 problem naming the field. Likewise a number or an id (UUID) given an empty
 * string — or one that is empty after Jackson trims it, such as {@code "\u0000"} — was read as
 * absent; it is refused too.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        for (LogicalType type : new LogicalType[] {LogicalType.DateTime, LogicalType.Integer, LogicalType.Float,
                LogicalType.OtherScalar}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
    }
}
