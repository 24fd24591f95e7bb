package app.detach.journal.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * AES-256-GCM from the JDK (javax.crypto), in one place. Output layout: 12-byte random nonce,
 * then ciphertext with the 16-byte tag. A random 96-bit nonce per message is safe far beyond the
 * number of messages one key ever sees here (one key per user).
 */
final class Aead {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aead() {
    }

    static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    static byte[] encrypt(SecretKey key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    static byte[] decrypt(SecretKey key, byte[] message, byte[] associatedData) {
        if (message == null || message.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new CryptoFailure("ciphertext is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, message, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(message, NONCE_BYTES, message.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new CryptoFailure("authentication failed: wrong key, wrong owner or tampered data");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    /** The data does not authenticate. The message never includes any plaintext. */
    static final class CryptoFailure extends IllegalStateException {
        CryptoFailure(String message) {
            super(message);
        }
    }
}
