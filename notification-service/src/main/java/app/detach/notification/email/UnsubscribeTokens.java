package app.detach.notification.email;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed unsubscribe tokens: {@code base64url(userId) "." base64url(HMAC-SHA256(secret, "unsubscribe:" + userId))}.
 * Whoever holds the link of an email may switch that user's email off - nothing else, and no
 * login is needed. Tokens do not expire: an old email's link must keep working.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final byte[] secret;

    UnsubscribeTokens(@ConfigProperty(name = "detach.notification.unsubscribe-secret") String secret) {
        if (secret.length() < 16) {
            throw new IllegalStateException("detach.notification.unsubscribe-secret must be at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String issue(String userId) {
        return ENCODER.encodeToString(userId.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(mac(userId));
    }

    /** The user id the token was issued for, if its signature is ours. */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > 1000) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            String userId = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            // constant-time comparison: no timing hints about a forged signature
            return MessageDigest.isEqual(signature, mac(userId)) ? Optional.of(userId) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(("unsubscribe:" + userId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
