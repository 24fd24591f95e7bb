package app.detach.journal.crypto;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Encrypts the user's texts (entry bodies, unsent drafts, reasons) with their data key. The kind
 * of record, its id and the user id are the GCM associated data: a ciphertext moved to another
 * row, another kind of record or another user does not decrypt.
 */
@ApplicationScoped
public class BodyCipher {

    private static final String ENTRY = "entry";
    private static final String DRAFT = "draft";
    private static final String REASONS = "reasons";

    public byte[] encrypt(SecretKey dek, String userId, UUID entryId, String body) {
        return seal(dek, ENTRY, userId, entryId.toString(), body);
    }

    public String decrypt(SecretKey dek, String userId, UUID entryId, byte[] ciphertext) {
        return open(dek, ENTRY, userId, entryId.toString(), ciphertext);
    }

    public byte[] encryptDraft(SecretKey dek, String userId, UUID draftId, String body) {
        return seal(dek, DRAFT, userId, draftId.toString(), body);
    }

    public String decryptDraft(SecretKey dek, String userId, UUID draftId, byte[] ciphertext) {
        return open(dek, DRAFT, userId, draftId.toString(), ciphertext);
    }

    /** The user's reasons, as one JSON text; there is one such record per user. */
    public byte[] encryptReasons(SecretKey dek, String userId, String json) {
        return seal(dek, REASONS, userId, userId, json);
    }

    public String decryptReasons(SecretKey dek, String userId, byte[] ciphertext) {
        return open(dek, REASONS, userId, userId, ciphertext);
    }

    private static byte[] seal(SecretKey dek, String kind, String userId, String id, String text) {
        return Aead.encrypt(dek, text.getBytes(StandardCharsets.UTF_8), associatedData(kind, userId, id));
    }

    private static String open(SecretKey dek, String kind, String userId, String id, byte[] ciphertext) {
        return new String(Aead.decrypt(dek, ciphertext, associatedData(kind, userId, id)), StandardCharsets.UTF_8);
    }

    // entries keep the layout they were first written with, so existing ciphertexts still open
    private static byte[] associatedData(String kind, String userId, String id) {
        return ("detach.journal." + kind + "|" + id + "|" + userId).getBytes(StandardCharsets.UTF_8);
    }
}
