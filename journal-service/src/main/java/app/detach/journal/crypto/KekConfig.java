package app.detach.journal.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/**
 * The key-encryption keys (KEKs) that wrap the users' data keys. In production they come from the
 * Kubernetes Secret {@code journal-service-secrets} through environment variables, e.g.
 * {@code DETACH_JOURNAL_KEK_CURRENT=v2}, {@code DETACH_JOURNAL_KEK_KEYS_V1=<base64>},
 * {@code DETACH_JOURNAL_KEK_KEYS_V2=<base64>}.
 */
@ConfigMapping(prefix = "detach.journal.kek")
public interface KekConfig {

    /** The version new and re-wrapped data keys are wrapped with. */
    String current();

    /** Every KEK still needed, by version (lowercase letters and digits): base64 of 32 random bytes. */
    Map<String, String> keys();

    /** How often the re-wrap job moves data keys from older KEK versions to the current one. */
    @WithDefault("10m")
    Duration rewrapInterval();

    /** Data keys re-wrapped per job transaction. */
    @WithDefault("200")
    int rewrapBatchSize();
}
