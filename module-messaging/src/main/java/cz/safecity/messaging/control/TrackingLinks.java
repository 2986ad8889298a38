package cz.safecity.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tracking-link secrets: 32 bytes (256 bits), base64url without padding (43 characters). Only the SHA-256 of a secret
 * is stored. A submission with an {@code Idempotency-Key} derives its secret as HMAC-SHA256 over city and key with the
 * server key ({@code safecity.messaging.tracking-key}), so that a retry answers the same link without the link being
 * stored; without a key the secret is random.
 */
@ApplicationScoped
public class TrackingLinks {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Shape of a secret: 43 base64url characters. */
    public static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{43}");

    @Inject
    @ConfigProperty(name = "safecity.messaging.tracking-key", defaultValue = "safecity-dev-tracking-key-change-me")
    String serverKey;

    /** A new random secret. */
    public static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The secret for a submission to {@code city} with this idempotency key (same inputs, same secret). */
    public String forIdempotencyKey(String city, String idempotencyKey) {
        return derive(serverKey, city + "\n" + idempotencyKey);
    }

    static String derive(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lower-case hex SHA-256 of the secret, as stored in {@code messaging_matter.tracking_hash}. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code candidate} has the shape of a secret (anything else is answered 404 without a lookup). */
    public static boolean wellFormed(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }
}
