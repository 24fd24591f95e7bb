package app.detach.journal.crypto;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Encrypts entry bodies with the author's data key. The entry id and the user id are the GCM
 * associated data: a ciphertext moved to another row or another user does not decrypt.
 */
@ApplicationScoped
public class BodyCipher {

    public byte[] encrypt(SecretKey dek, String userId, UUID entryId, String body) {
        return Aead.encrypt(dek, body.getBytes(StandardCharsets.UTF_8), associatedData(userId, entryId));
    }

    public String decrypt(SecretKey dek, String userId, UUID entryId, byte[] ciphertext) {
        return new String(Aead.decrypt(dek, ciphertext, associatedData(userId, entryId)), StandardCharsets.UTF_8);
    }

    private static byte[] associatedData(String userId, UUID entryId) {
        return ("detach.journal.entry|" + entryId + "|" + userId).getBytes(StandardCharsets.UTF_8);
    }
}
