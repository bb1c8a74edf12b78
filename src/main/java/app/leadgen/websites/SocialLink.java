package app.leadgen.websites;

/**
 * A business's own profile on a social network, in canonical form.
 *
 * @param network one of {@code instagram}, {@code facebook}, {@code linkedin}, {@code tiktok},
 *     {@code youtube}, {@code x}, {@code xing}
 * @param url e.g. {@code https://www.instagram.com/baeckerei_schmidt}
 */
public record SocialLink(String network, String url) {}
