package app.detach.journal.crypto;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyRingTest {

    private static final String V1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String V2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    private final KeyRing ring = new KeyRing("v2", Map.of("v1", V1, "v2", V2));
    private final BodyCipher cipher = new BodyCipher();

    @Test
    void wrapsWithTheCurrentVersionAndUnwrapsAnyConfiguredOne() {
        SecretKey dek = ring.newDataKey();
        assertArrayEquals(dek.getEncoded(), ring.unwrap(ring.wrap(dek, "u"), "u", "v2").getEncoded());
        assertArrayEquals(dek.getEncoded(), ring.unwrap(ring.wrap(dek, "u", "v1"), "u", "v1").getEncoded());
    }

    @Test
    void aWrappedKeyIsBoundToItsUserAndVersion() {
        byte[] wrapped = ring.wrap(ring.newDataKey(), "alice");
        assertThrows(IllegalStateException.class, () -> ring.unwrap(wrapped, "bob", "v2"));
        assertThrows(IllegalStateException.class, () -> ring.unwrap(wrapped, "alice", "v1"));
        assertThrows(IllegalStateException.class, () -> ring.unwrap(wrapped, "alice", "v3"), "unknown version");
        wrapped[wrapped.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> ring.unwrap(wrapped, "alice", "v2"), "tampered");
    }

    @Test
    void aBodyIsBoundToItsEntryAndUserAndUsesAFreshNonceEachTime() {
        SecretKey dek = ring.newDataKey();
        UUID entry = UUID.randomUUID();
        byte[] sealed = cipher.encrypt(dek, "alice", entry, "dear diary 💙");
        assertEquals("dear diary 💙", cipher.decrypt(dek, "alice", entry, sealed));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(dek, "alice", UUID.randomUUID(), sealed));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(dek, "bob", entry, sealed));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(ring.newDataKey(), "alice", entry, sealed));
        byte[] again = cipher.encrypt(dek, "alice", entry, "dear diary 💙");
        assertNotEquals(Base64.getEncoder().encodeToString(sealed), Base64.getEncoder().encodeToString(again));
    }

    @Test
    void refusesAMisconfiguredRing() {
        IllegalStateException noKey = assertThrows(IllegalStateException.class, () -> new KeyRing("v3", Map.of("v1", V1)));
        assertTrue(noKey.getMessage().contains("set the environment variable DETACH_JOURNAL_KEK_KEYS_V3"), noKey.getMessage());
        assertThrows(IllegalStateException.class, () -> new KeyRing("v1", Map.of("v1", "c2hvcnQ=")));
        assertThrows(IllegalStateException.class, () -> new KeyRing("v1", Map.of("v1", "not base64!")));
    }
}
