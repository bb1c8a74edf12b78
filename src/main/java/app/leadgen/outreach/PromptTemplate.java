package app.leadgen.outreach;

import app.leadgen.leads.LeadRow;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {field}} placeholders with a lead's data. Only word-like placeholders count, so JSON
 * examples such as {@code { "subject": "…" }} in a prompt stay as they are.
 */
public final class PromptTemplate {

    public static final List<String> PLACEHOLDERS = List.of(
            "username",
            "fullName",
            "bio",
            "email",
            "phone",
            "website",
            "followers",
            "hashtag",
            "keyword",
            "profileUrl",
            "source",
            "firstName",
            "lastName",
            "title",
            "position",
            "companyName",
            "category",
            "city",
            "rating",
            "reviewCount",
            "webPresence");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)\\}");

    private PromptTemplate() {}

    public static String fill(String template, LeadRow lead) {
        return fill(template, values(lead));
    }

    /** Fills the placeholders with these values; one without a value stays as written. */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Placeholders in the template that no lead field fills (most likely typos). */
    public static Set<String> unknownPlaceholders(String template) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                unknown.add("{" + m.group(1) + "}");
            }
        }
        return unknown;
    }

    static Map<String, String> values(LeadRow lead) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("username", text(lead.username()));
        v.put("fullName", text(lead.fullName()));
        v.put("bio", text(lead.bio()));
        v.put("email", text(lead.email()));
        v.put("phone", text(lead.phone()));
        v.put("website", text(lead.website()));
        v.put("followers", lead.followers() == null ? "" : String.valueOf(lead.followers()));
        v.put("hashtag", text(lead.hashtag()));
        v.put("keyword", text(lead.keyword()));
        v.put("profileUrl", text(lead.profileUrl()));
        v.put("source", text(lead.source()));
        v.put("companyName", text(lead.name()));
        v.put("category", text(lead.category()));
        v.put("city", text(lead.city()));
        v.put("rating", lead.rating() == null ? "" : String.valueOf(lead.rating()));
        v.put("reviewCount", lead.reviewCount() == null ? "" : String.valueOf(lead.reviewCount()));
        return v;
    }

    static String text(String s) {
        return s == null ? "" : s;
    }
}
