package app.leadgen.websites.extract;

import app.leadgen.websites.SocialLink;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises links to a business's own profile on a social network and gives them one canonical
 * form ({@code https://www.instagram.com/name}). Share buttons, posts, videos and login pages are
 * not profiles and are ignored.
 */
public final class Socials {

    private static final Set<String> INSTAGRAM_NOT_PROFILES =
            Set.of("p", "reel", "reels", "explore", "stories", "accounts", "tv", "share", "direct");
    private static final Set<String> FACEBOOK_NOT_PROFILES = Set.of(
            "sharer",
            "sharer.php",
            "share",
            "share.php",
            "dialog",
            "plugins",
            "tr",
            "login",
            "login.php",
            "events",
            "groups",
            "watch",
            "hashtag",
            "photo",
            "photo.php",
            "help",
            "policies",
            "privacy");
    private static final Set<String> X_NOT_PROFILES =
            Set.of("intent", "share", "home", "hashtag", "search", "i", "login", "privacy", "tos", "explore");

    private static final Pattern MOBILE_OR_LANGUAGE_PREFIX = Pattern.compile("^(www|m|mobile|de|de-de|web)\\.");

    private Socials() {}

    public static Optional<SocialLink> profile(String href) {
        URI uri;
        try {
            uri = new URI(href.trim());
        } catch (Exception e) {
            return Optional.empty();
        }
        if (uri.getHost() == null
                || uri.getScheme() == null
                || !uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
            return Optional.empty();
        }
        String host = MOBILE_OR_LANGUAGE_PREFIX
                .matcher(uri.getHost().toLowerCase(Locale.ROOT))
                .replaceFirst("");
        List<String> path = segments(uri.getPath());
        if (path.isEmpty()) {
            return Optional.empty();
        }
        String first = path.get(0);
        String firstLower = first.toLowerCase(Locale.ROOT);
        return switch (host) {
            case "instagram.com" -> INSTAGRAM_NOT_PROFILES.contains(firstLower)
                    ? Optional.empty()
                    : of("instagram", "https://www.instagram.com/" + firstLower);
            case "facebook.com", "fb.com" -> facebook(uri, path, firstLower);
            case "linkedin.com" -> twoPart(
                    path, Set.of("company", "in", "school"), "linkedin", "https://www.linkedin.com/");
            case "tiktok.com" -> first.startsWith("@") && first.length() > 1
                    ? of("tiktok", "https://www.tiktok.com/" + firstLower)
                    : Optional.empty();
            case "youtube.com" -> youtube(path, first);
            case "twitter.com", "x.com" -> X_NOT_PROFILES.contains(firstLower)
                    ? Optional.empty()
                    : of("x", "https://x.com/" + first);
            case "xing.com" -> twoPart(path, Set.of("pages", "companies", "profile"), "xing", "https://www.xing.com/");
            default -> Optional.empty();
        };
    }

    private static Optional<SocialLink> facebook(URI uri, List<String> path, String first) {
        if (FACEBOOK_NOT_PROFILES.contains(first)) {
            return Optional.empty();
        }
        if (first.equals("profile.php")) {
            String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
            for (String pair : query.split("&")) {
                if (pair.startsWith("id=") && pair.length() > 3) {
                    return of("facebook", "https://www.facebook.com/profile.php?" + pair);
                }
            }
            return Optional.empty();
        }
        if (first.equals("pages") || first.equals("people")) {
            return path.size() >= 2
                    ? of("facebook", "https://www.facebook.com/" + String.join("/", path))
                    : Optional.empty();
        }
        return of("facebook", "https://www.facebook.com/" + path.get(0));
    }

    private static Optional<SocialLink> youtube(List<String> path, String first) {
        if (first.startsWith("@") && first.length() > 1) {
            return of("youtube", "https://www.youtube.com/" + first);
        }
        return twoPart(path, Set.of("channel", "c", "user"), "youtube", "https://www.youtube.com/");
    }

    private static Optional<SocialLink> twoPart(List<String> path, Set<String> kinds, String network, String base) {
        if (path.size() >= 2 && kinds.contains(path.get(0).toLowerCase(Locale.ROOT))) {
            return of(network, base + path.get(0).toLowerCase(Locale.ROOT) + "/" + path.get(1));
        }
        return Optional.empty();
    }

    private static Optional<SocialLink> of(String network, String url) {
        return Optional.of(new SocialLink(network, url));
    }

    private static List<String> segments(String path) {
        if (path == null) {
            return List.of();
        }
        return Arrays.stream(path.split("/")).filter(s -> !s.isBlank()).toList();
    }
}
