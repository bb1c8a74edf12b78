package app.leadgen.websites.extract;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Cloudflare's "email address obfuscation", on by default for sites behind Cloudflare: the address
 * is replaced by {@code data-cfemail="<hex>"} or a link to {@code /cdn-cgi/l/email-protection#<hex>},
 * where the first byte is a key XORed into the others.
 */
final class Cloudflare {

    private Cloudflare() {}

    static Optional<String> decode(String hex) {
        if (hex == null
                || hex.length() < 4
                || hex.length() % 2 != 0
                || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        int key = Integer.parseInt(hex.substring(0, 2), 16);
        byte[] bytes = new byte[hex.length() / 2 - 1];
        for (int i = 2; i < hex.length(); i += 2) {
            bytes[i / 2 - 1] = (byte) (Integer.parseInt(hex.substring(i, i + 2), 16) ^ key);
        }
        return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }
}
