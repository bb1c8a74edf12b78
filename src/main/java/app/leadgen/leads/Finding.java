package app.leadgen.leads;

import java.util.Locale;

/** One account found under one hashtag. Usernames are kept in lower case (Instagram ignores case). */
public record Finding(String hashtag, String username) {

    public Finding {
        hashtag = hashtag == null ? "" : hashtag.trim();
        username = normalizeUsername(username);
    }

    /** The dedup key of the spec: {@code hashtag|username}. */
    public String key() {
        return hashtag.toLowerCase(Locale.ROOT) + "|" + username;
    }

    public static String normalizeUsername(String username) {
        if (username == null) {
            return "";
        }
        String u = username.trim();
        if (u.startsWith("@")) {
            u = u.substring(1);
        }
        return u.toLowerCase(Locale.ROOT);
    }
}
