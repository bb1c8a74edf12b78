package app.leadgen.tracking;

import app.leadgen.settings.SettingsStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The tokens in tracking and unsubscribe links: 16 random bytes (the message key, which names the
 * mail in {@code tracked_mails}) followed by the first 16 bytes of their HMAC-SHA256, base64url, 43
 * characters. Nothing personal is in them; a changed character fails the HMAC. The key is {@code
 * TRACKING_SECRET}, else a random one made once and kept in {@code app_settings}, so every instance
 * checks what another signed.
 */
@Component
class Tokens {

    static final String KEY_SETTING = "tracking.secret";
    private static final int KEY_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final TrackingProperties properties;
    private final SettingsStore settings;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKeySpec secret;

    Tokens(TrackingProperties properties, SettingsStore settings) {
        this.properties = properties;
        this.settings = settings;
    }

    /** A new message key (stored with the mail) and the token that carries it. */
    record Issued(String messageKey, String token) {}

    Issued issue() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        byte[] token = Arrays.copyOf(key, KEY_BYTES + MAC_BYTES);
        System.arraycopy(mac(key), 0, token, KEY_BYTES, MAC_BYTES);
        return new Issued(ENCODER.encodeToString(key), ENCODER.encodeToString(token));
    }

    /** The message key of a token whose signature holds; empty for anything else. */
    Optional<String> verify(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != KEY_BYTES + MAC_BYTES) {
            return Optional.empty();
        }
        byte[] key = Arrays.copyOf(bytes, KEY_BYTES);
        byte[] given = Arrays.copyOfRange(bytes, KEY_BYTES, bytes.length);
        byte[] expected = Arrays.copyOf(mac(key), MAC_BYTES);
        // constant time: a forger learns nothing from how long the comparison took
        return MessageDigest.isEqual(given, expected) ? Optional.of(ENCODER.encodeToString(key)) : Optional.empty();
    }

    /** One initialised Mac per thread: looking one up and keying it costs more than the HMAC itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret());
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    });

    private byte[] mac(byte[] data) {
        // doFinal resets the Mac for the next use
        return macs.get().doFinal(data);
    }

    private SecretKeySpec secret() {
        SecretKeySpec s = secret;
        if (s == null) {
            synchronized (this) {
                if (secret == null) {
                    secret = new SecretKeySpec(load(), "HmacSHA256");
                }
                s = secret;
            }
        }
        return s;
    }

    private byte[] load() {
        if (properties.secret() != null && !properties.secret().isBlank()) {
            return properties.secret().strip().getBytes(StandardCharsets.UTF_8);
        }
        Optional<String> stored = settings.get(KEY_SETTING).filter(v -> !v.isBlank());
        if (stored.isEmpty()) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            settings.putIfAbsent(KEY_SETTING, Base64.getEncoder().encodeToString(fresh));
            // another instance may have been first: everyone uses the stored key
            stored = settings.get(KEY_SETTING);
        }
        return Base64.getDecoder().decode(stored.orElseThrow().strip());
    }
}
