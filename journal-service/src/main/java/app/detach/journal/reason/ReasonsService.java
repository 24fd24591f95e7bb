package app.detach.journal.reason;

import app.detach.journal.crypto.BodyCipher;
import app.detach.journal.crypto.UserKeys;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Reads and replaces the user's reasons, encrypted as one JSON array under their data key.
 * No events: the reasons are the user's words.
 */
@ApplicationScoped
public class ReasonsService {

    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };

    private final UserKeys keys;
    private final BodyCipher cipher;
    private final ObjectMapper mapper;
    private final Clock clock;

    ReasonsService(UserKeys keys, BodyCipher cipher, ObjectMapper mapper, Clock clock) {
        this.keys = keys;
        this.cipher = cipher;
        this.mapper = mapper;
        this.clock = clock;
    }

    @WithSession
    public Uni<ReasonsView> read(String userId) {
        return Reasons.<Reasons>findById(userId).flatMap(stored -> stored == null
                ? Uni.createFrom().item(new ReasonsView(List.of(), null))
                : keys.forReading(userId).map(dek -> new ReasonsView(
                        decode(cipher.decryptReasons(dek.orElseThrow(), userId, stored.reasonsCiphertext)),
                        stored.updatedAt)));
    }

    @WithTransaction
    public Uni<ReasonsView> replace(String userId, List<String> reasons) {
        return store(userId, reasons, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * Stores the reasons in the caller's transaction (also used by the archive import). An empty
     * list removes the row: a journal whose reasons were cleared counts as empty for a restore.
     */
    public Uni<ReasonsView> store(String userId, List<String> reasons, Instant at) {
        if (reasons.isEmpty()) {
            return Reasons.delete("userId", userId).replaceWith(new ReasonsView(List.of(), null));
        }
        return keys.forWriting(userId).flatMap(dek -> Reasons.<Reasons>findById(userId).flatMap(existing -> {
            Reasons row = existing == null ? new Reasons() : existing;
            row.userId = userId;
            row.reasonsCiphertext = cipher.encryptReasons(dek, userId, encode(reasons));
            row.updatedAt = at;
            Uni<?> saved = existing == null ? row.persist() : Uni.createFrom().voidItem();
            return saved.replaceWith(() -> new ReasonsView(reasons, at));
        }));
    }

    private String encode(List<String> reasons) {
        try {
            return mapper.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise reasons", e);
        }
    }

    private List<String> decode(String json) {
        try {
            return mapper.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reasons are not a JSON array", e);
        }
    }
}
