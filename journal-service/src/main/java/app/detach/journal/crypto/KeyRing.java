package app.detach.journal.crypto;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Wraps and unwraps users' data keys (DEKs) with the configured key-encryption keys (KEKs).
 * A wrapped key records the KEK version it was wrapped with, so old versions stay readable after
 * a rotation until the re-wrap job (or the next write) moves them to the current version.
 * The user id and the KEK version are authenticated as GCM associated data: a wrapped key copied
 * to another user's row, or relabelled with another version, fails to unwrap.
 */
@ApplicationScoped
@Startup // a missing or malformed KEK stops the start-up instead of failing the first journal write
public class KeyRing {

    private final Map<String, SecretKey> keks;
    private final String current;

    @Inject
    KeyRing(KekConfig config) {
        this(config.current(), config.keys());
    }

    /** For tests and tools: a ring from versions to base64 keys. */
    public KeyRing(String current, Map<String, String> base64Keys) {
        Map<String, SecretKey> parsed = new TreeMap<>();
        base64Keys.forEach((version, value) -> parsed.put(version, parse(version, value)));
        if (!parsed.containsKey(current)) {
            throw new IllegalStateException("detach.journal.kek.current names version '" + current
                    + "' but detach.journal.kek.keys has only " + parsed.keySet() + ": set the environment variable "
                    + keyVariable(current) + " (base64 of 32 random bytes)");
        }
        this.keks = Map.copyOf(parsed);
        this.current = current;
    }

    /** The environment variable that holds the KEK of {@code version}, e.g. DETACH_JOURNAL_KEK_KEYS_V2. */
    static String keyVariable(String version) {
        return "DETACH_JOURNAL_KEK_KEYS_" + version.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    public String currentVersion() {
        return current;
    }

    public boolean knows(String version) {
        return keks.containsKey(version);
    }

    /** A new random data key for a user. */
    public SecretKey newDataKey() {
        return Aead.newKey();
    }

    /** Wraps a data key with the current KEK. */
    public byte[] wrap(SecretKey dek, String userId) {
        return wrap(dek, userId, current);
    }

    /** Wraps a data key with the KEK of {@code version} (tests use it to simulate keys from before a rotation). */
    public byte[] wrap(SecretKey dek, String userId, String version) {
        return Aead.encrypt(kek(version), dek.getEncoded(), associatedData(userId, version));
    }

    /** Unwraps a data key stored with {@code version}. */
    public SecretKey unwrap(byte[] wrapped, String userId, String version) {
        byte[] raw = Aead.decrypt(kek(version), wrapped, associatedData(userId, version));
        return new SecretKeySpec(raw, "AES");
    }

    private SecretKey kek(String version) {
        SecretKey kek = keks.get(version);
        if (kek == null) {
            // never drop a KEK version while data keys still use it (see README, rotation runbook)
            throw new IllegalStateException("KEK version '" + version + "' is not configured");
        }
        return kek;
    }

    private static byte[] associatedData(String userId, String version) {
        return ("detach.journal.dek|" + version + "|" + userId).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKey parse(String version, String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("KEK version '" + version + "' is not valid base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("KEK version '" + version + "' must be 32 bytes (AES-256), is " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }
}
