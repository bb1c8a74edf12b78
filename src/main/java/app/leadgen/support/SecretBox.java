package app.leadgen.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts short secrets (such as a user's Instagram session id) before they are stored, with
 * AES-GCM under a key derived from {@code SECRET_KEY}. Without {@code SECRET_KEY} a random key is
 * used, so values stored before a restart can no longer be read: callers treat that as "absent".
 * The example value of {@code .env.example} is refused: everyone who copied that file unchanged
 * would share one publicly known key.
 */
@Component
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final int IV_BYTES = 12;
    /** {@code SECRET_KEY} in {@code .env.example}: a placeholder, not a key. */
    static final String EXAMPLE_KEY = "change-me-to-a-long-random-string";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(@Value("${leadgen.secret-key:}") String secretKey) {
        if (secretKey != null && secretKey.strip().equals(EXAMPLE_KEY)) {
            throw new IllegalStateException("SECRET_KEY is still the example value from .env.example: set it to a long"
                    + " random string of your own (e.g. openssl rand -base64 32), the same on every instance,"
                    + " or leave it out for a random key per start");
        }
        byte[] material;
        if (secretKey == null || secretKey.isBlank()) {
            log.warn("SECRET_KEY is not set: using a random key for this process only");
            material = new byte[32];
            random.nextBytes(material);
        } else {
            material = sha256(secretKey.getBytes(StandardCharsets.UTF_8));
        }
        this.key = new SecretKeySpec(material, "AES");
    }

    public String seal(String plain) {
        if (plain == null || plain.isBlank()) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt secret", e);
        }
    }

    /** Returns null when the value is absent or was sealed under another key. */
    public String open(String sealed) {
        if (sealed == null || sealed.isBlank()) {
            return null;
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, IV_BYTES));
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            log.warn("a stored secret could not be decrypted (SECRET_KEY changed?)");
            return null;
        }
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
