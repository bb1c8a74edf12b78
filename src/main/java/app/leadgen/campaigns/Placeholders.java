package app.leadgen.campaigns;

import app.leadgen.book.CompanyItem;
import app.leadgen.book.ContactDetail;
import app.leadgen.products.Product;
import app.leadgen.support.ApiProblem;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code {name}} placeholders in templates and prompts, as in today's prompts, plus the product's
 * ({@code {product.name}} …). Only word-like names count, so JSON examples such as {@code {"subject": …}}
 * in a prompt stay as they are; an unknown name is refused (400) when the campaign is saved.
 */
final class Placeholders {

    static final List<String> NAMES = List.of(
            "fullName",
            "firstName",
            "lastName",
            "title",
            "position",
            "email",
            "phone",
            "username",
            "companyName",
            "city",
            "category",
            "website",
            "rating",
            "reviewCount",
            "webPresence",
            "product.name",
            "product.description",
            "product.price",
            "product.url");

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z][A-Za-z0-9_]*)?)\\}");

    private Placeholders() {}

    /** @throws ApiProblem 400 naming the first unknown placeholder */
    static void check(String template) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template == null ? "" : template);
        while (m.find()) {
            if (!NAMES.contains(m.group(1))) {
                unknown.add("{" + m.group(1) + "}");
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("problem.campaigns.placeholder", String.join(", ", unknown));
        }
    }

    /** The contact's (and the product's) values; a missing one is empty. */
    static Map<String, String> values(ContactDetail c, Product product) {
        Map<String, String> v = new LinkedHashMap<>();
        CompanyItem co = c.company();
        String companyName = co == null ? c.companyName() : co.name();
        v.put("fullName", first(c.fullName(), companyName));
        v.put("firstName", text(c.firstName()));
        v.put("lastName", text(c.lastName()));
        v.put("title", text(c.title()));
        v.put("position", text(c.position()));
        v.put("email", text(c.email()));
        v.put("phone", first(c.phone(), co == null ? null : co.phone()));
        v.put("username", text(c.instagram()));
        v.put("companyName", text(companyName));
        v.put("city", first(co == null ? null : co.city(), c.city()));
        v.put("category", co == null ? "" : text(co.category()));
        String website = first(co == null ? null : co.website(), c.website());
        v.put("website", website);
        v.put("rating", co == null || co.rating() == null ? "" : String.valueOf(co.rating()));
        v.put("reviewCount", co == null || co.reviewCount() == null ? "" : String.valueOf(co.reviewCount()));
        v.put("webPresence", website.isEmpty() ? "keine eigene Website" : "Website: " + website);
        v.put("product.name", product == null ? "" : text(product.name()));
        v.put("product.description", product == null ? "" : text(product.description()));
        v.put("product.price", product == null ? "" : price(product.price()));
        v.put("product.url", product == null ? "" : text(product.url()));
        return v;
    }

    /** Fills the placeholders; {@code html}: the values are escaped (a business name may hold {@code <} or {@code &}). */
    static String fill(String template, Map<String, String> values, boolean html) {
        Matcher m = PLACEHOLDER.matcher(template == null ? "" : template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            String text = value == null ? m.group() : html ? HtmlUtils.htmlEscape(value, "UTF-8") : value;
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code 1.490,00 €}: German, as the mails are. */
    static String price(BigDecimal price) {
        if (price == null) {
            return "auf Anfrage";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.GERMANY);
        return format.format(price);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
