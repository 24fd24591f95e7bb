package app.detach.journal.crypto;

import app.detach.journal.JournalApi;
import app.detach.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.detach.journal.JournalApi.entry;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class EncryptionAtRestTest {

    @Inject
    KeyRing ring;

    @Inject
    BodyCipher cipher;

    @Test
    void theDatabaseNeverHoldsTheBodyInClear() throws Exception {
        String userId = "secret-keeper-" + UUID.randomUUID();
        String marker = "my-secret-" + UUID.randomUUID();
        JournalApi api = JournalApi.as(userId);
        String id = api.create("Today I wrote " + marker + " and nobody may read it.", 4, 6, "hurt");
        api.put(id, entry("Edited: " + marker, 4, 6)).statusCode(200);

        byte[] ciphertext = bytes("SELECT body_ciphertext FROM journal_entry WHERE id = ?", UUID.fromString(id));
        assertFalse(contains(ciphertext, marker.getBytes(StandardCharsets.UTF_8)), "body in clear in journal_entry");
        assertTrue(ciphertext.length >= 12 + 16 + marker.length(), "nonce + ciphertext + tag");
        // nowhere else either: not in any text column of any table, nor in the outbox payloads
        assertEquals(0, count("SELECT count(*) FROM journal_entry WHERE encode(body_ciphertext, 'escape') LIKE ?"
                + " OR array_to_string(emotions, ',') LIKE ? OR coalesce(prompt_id, '') LIKE ?",
                "%" + marker + "%", "%" + marker + "%", "%" + marker + "%"));
        assertEquals(0, count("SELECT count(*) FROM outbox WHERE payload::text LIKE ?", "%" + marker + "%"));
        assertEquals(0, count("SELECT count(*) FROM user_key WHERE encode(wrapped_dek, 'escape') LIKE ?",
                "%" + marker + "%"));

        api.get(id).statusCode(200).body("body", equalTo("Edited: " + marker));
    }

    @Test
    void logsNeverHoldABody() throws Exception {
        String marker = "log-secret-" + UUID.randomUUID();
        JournalApi api = JournalApi.as("logger-" + UUID.randomUUID());
        String id = api.create(marker, 5, 5);
        api.post(Map.of("body", marker, "mood", 99, "urge", 5)).statusCode(400);
        api.post("{\"body\":\"" + marker + "\",\"mood\":5,\"urge\":5,\"" + marker + "\":1}").statusCode(400);
        api.post("{\"body\":\"" + marker + "\"").statusCode(400);
        api.get(id).statusCode(200);

        Path log = Path.of("target", "journal-service-test.log");
        assertTrue(Files.exists(log), "the test profile writes the log to " + log);
        assertFalse(Files.readString(log).contains(marker), "a body reached the log");
    }

    @Test
    void eachUserHasTheirOwnDataKeyWrappedWithTheCurrentKekVersion() throws Exception {
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        JournalApi.as(alice).create("a", 5, 5);
        JournalApi.as(bob).create("b", 5, 5);
        byte[] aliceKey = bytes("SELECT wrapped_dek FROM user_key WHERE user_id = ?", alice);
        byte[] bobKey = bytes("SELECT wrapped_dek FROM user_key WHERE user_id = ?", bob);
        SecretKey aliceDek = ring.unwrap(aliceKey, alice, "v2");
        SecretKey bobDek = ring.unwrap(bobKey, bob, "v2");
        assertFalse(Arrays.equals(aliceDek.getEncoded(), bobDek.getEncoded()));
        assertEquals(32, aliceDek.getEncoded().length, "AES-256");
        assertEquals("v2", string("SELECT kek_version FROM user_key WHERE user_id = ?", alice));
    }

    @Test
    void afterAKekRotationOldKeysStayReadableAndAreRewrappedToTheCurrentVersion() throws Exception {
        // a user whose data key was wrapped with v1, before v2 became current
        String userId = "rotated-" + UUID.randomUUID();
        SecretKey dek = ring.newDataKey();
        byte[] wrappedWithV1 = ring.wrap(dek, userId, "v1");
        TestDatabase.update("INSERT INTO user_key (user_id, kek_version, wrapped_dek) VALUES (?, 'v1', ?)",
                userId, wrappedWithV1);
        UUID entryId = UUID.randomUUID();
        TestDatabase.update("INSERT INTO journal_entry (id, user_id, body_ciphertext, mood, urge, created_at, updated_at)"
                        + " VALUES (?, ?, ?, 5, 5, now(), now())",
                entryId, userId, cipher.encrypt(dek, userId, entryId, "written before the rotation"));

        JournalApi api = JournalApi.as(userId);
        api.get(entryId.toString()).statusCode(200).body("body", equalTo("written before the rotation"));

        // the re-wrap job (every second in tests) moves the key to v2 without touching the entries
        await().atMost(Duration.ofSeconds(20)).until(
                () -> "v2".equals(string("SELECT kek_version FROM user_key WHERE user_id = ?", userId)));
        byte[] rewrapped = bytes("SELECT wrapped_dek FROM user_key WHERE user_id = ?", userId);
        assertFalse(Arrays.equals(wrappedWithV1, rewrapped), "re-wrapped under another KEK");
        assertTrue(Arrays.equals(dek.getEncoded(), ring.unwrap(rewrapped, userId, "v2").getEncoded()),
                "the data key itself is unchanged, so no entry needs re-encrypting");
        api.get(entryId.toString()).statusCode(200).body("body", equalTo("written before the rotation"));
        String newer = api.create("written after the rotation", 5, 5);
        api.get(newer).statusCode(200).body("body", equalTo("written after the rotation"));
    }

    @Test
    void aWriteRewrapsAnOldKeyInItsOwnTransaction() throws Exception {
        String userId = "lazy-" + UUID.randomUUID();
        SecretKey dek = ring.newDataKey();
        TestDatabase.update("INSERT INTO user_key (user_id, kek_version, wrapped_dek) VALUES (?, 'v1', ?)",
                userId, ring.wrap(dek, userId, "v1"));
        String id = JournalApi.as(userId).create("first entry after the rotation", 5, 5);
        assertEquals("v2", string("SELECT kek_version FROM user_key WHERE user_id = ?", userId));
        byte[] body = bytes("SELECT body_ciphertext FROM journal_entry WHERE id = ?", UUID.fromString(id));
        assertEquals("first entry after the rotation", cipher.decrypt(dek, userId, UUID.fromString(id), body),
                "the entry is encrypted with the user's existing data key");
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static byte[] bytes(String sql, Object parameter) throws SQLException {
        return query(sql, parameter, rs -> rs.getBytes(1));
    }

    static String string(String sql, Object parameter) throws SQLException {
        return query(sql, parameter, rs -> rs.getString(1));
    }

    static long count(String sql, Object... parameters) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    static <T> T query(String sql, Object parameter, Column<T> column) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                List<T> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(column.read(rs));
                }
                return values.isEmpty() ? null : values.get(0);
            }
        }
    }
}
