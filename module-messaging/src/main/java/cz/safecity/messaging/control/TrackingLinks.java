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
    /**
     * Looked up once and cloned per use: a clone skips the JCA provider lookup; no ThreadLocal, so a redeployment leaves
     * no instance of this class loader on the server's request threads.
     */
    private static final MessageDigest SHA256;

    static {
        try {
            SHA256 = MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
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

    /** HMAC-SHA256 initialised with the server key on first use (the key is injected after construction); cloned. */
    private volatile Mac hmac;

    /** The secret for a submission to {@code city} with this idempotency key (same inputs, same secret). */
    public String forIdempotencyKey(String city, String idempotencyKey) {
        Mac prototype = hmac;
        if (prototype == null) {
            hmac = prototype = mac(serverKey);
        }
        try {
            return derive((Mac) prototype.clone(), city + "\n" + idempotencyKey);
        } catch (CloneNotSupportedException e) {
            return derive(mac(serverKey), city + "\n" + idempotencyKey);
        }
    }

    static String derive(String key, String message) {
        return derive(mac(key), message);
    }

    private static String derive(Mac mac, String message) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac mac(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lower-case hex SHA-256 of the secret, as stored in {@code messaging_matter.tracking_hash}. */
    public static String hash(String secret) {
        return sha256Hex(secret);
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text} (a digest per thread). */
    static String sha256Hex(String text) {
        MessageDigest d;
        try {
            d = (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        return HexFormat.of().formatHex(d.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code candidate} has the shape of a secret (anything else is answered 404 without a lookup). */
    public static boolean wellFormed(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }
}
