package app.leadgen.enrichment.profile;

import app.leadgen.leads.Finding;
import app.leadgen.leads.ProfileData;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads one profile item in either actor's shape; unknown fields are ignored. */
final class ProfileItems {

    private static final Pattern PROFILE_URL = Pattern.compile("instagram\\.com/([A-Za-z0-9._]+)");

    private ProfileItems() {}

    static ProfileData read(JsonNode item, String source) {
        if (item == null || !item.isObject() || item.has("error") && !item.has("username")) {
            return null;
        }
        String username = first(item, "username");
        if (username == null) {
            username = usernameFromUrl(first(item, "URL", "url", "inputUrl"));
        }
        username = Finding.normalizeUsername(username);
        if (username.isEmpty()) {
            return null;
        }
        return new ProfileData(
                username,
                first(item, "full_name", "fullName"),
                first(item, "biography", "bio"),
                first(item, "public_email", "businessEmail", "publicEmail", "email"),
                first(item, "contact_phone_number", "public_phone_number", "businessPhoneNumber", "phone"),
                first(item, "external_url", "externalUrl", "website"),
                number(item, "follower_count", "followersCount"),
                number(item, "following_count", "followsCount"),
                number(item, "media_count", "postsCount"),
                bool(item, "is_verified", "verified"),
                source);
    }

    private static String usernameFromUrl(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = PROFILE_URL.matcher(url);
        return m.find() ? m.group(1) : null;
    }

    private static String first(JsonNode item, String... fields) {
        for (String f : fields) {
            JsonNode v = item.path(f);
            if (v.isString() && !v.asString().isBlank()) {
                return v.asString().strip();
            }
            if (v.isNumber()) {
                return v.asString();
            }
        }
        return null;
    }

    private static Long number(JsonNode item, String... fields) {
        for (String f : fields) {
            JsonNode v = item.path(f);
            if (v.isNumber()) {
                return v.asLong();
            }
            if (v.isString() && v.asString().strip().matches("\\d{1,18}")) {
                return Long.parseLong(v.asString().strip());
            }
        }
        return null;
    }

    private static Boolean bool(JsonNode item, String... fields) {
        for (String f : fields) {
            JsonNode v = item.path(f);
            if (v.isBoolean()) {
                return v.asBoolean();
            }
        }
        return null;
    }
}
