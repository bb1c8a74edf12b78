package app.leadgen.websites.extract;

import app.leadgen.websites.PageContacts;
import app.leadgen.websites.SocialLink;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** One page through all extractors. jsoup repairs broken HTML the way browsers do. */
public final class PageReader {

    private PageReader() {}

    public static PageContacts read(String html, URI pageUrl, String region) {
        Document page = Jsoup.parse(html, pageUrl.toString());
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        Set<SocialLink> socials = new LinkedHashSet<>();

        for (Element a : page.select("a[href]")) {
            String href = a.attr("href").trim();
            String lower = href.toLowerCase(Locale.ROOT);
            if (lower.startsWith("mailto:")) {
                emails.addAll(Emails.fromMailto(href));
            } else if (lower.startsWith("tel:") || lower.startsWith("callto:")) {
                Phones.parse(href, region).ifPresent(phones::add);
            } else if (lower.contains("/cdn-cgi/l/email-protection#")) {
                cloudflare(href.substring(href.indexOf('#') + 1), emails);
            } else {
                Socials.profile(a.absUrl("href")).ifPresent(socials::add);
            }
        }
        for (Element protectedEmail : page.select("[data-cfemail]")) {
            cloudflare(protectedEmail.attr("data-cfemail"), emails);
        }
        JsonLd.Values jsonLd = JsonLd.in(page);
        jsonLd.emails().forEach(e -> Emails.clean(e).ifPresent(emails::add));
        jsonLd.telephones().forEach(t -> Phones.parse(t, region).ifPresent(phones::add));
        jsonLd.sameAs().forEach(s -> Socials.profile(s).ifPresent(socials::add));

        String text = page.text();
        emails.addAll(Emails.inText(text));
        phones.addAll(Phones.inText(text, region));

        return new PageContacts(
                List.copyOf(emails),
                List.copyOf(phones),
                List.copyOf(socials),
                ContactLinks.on(page, pageUrl),
                hasMetaTags(page));
    }

    private static void cloudflare(String hex, Collection<String> emails) {
        Cloudflare.decode(hex).flatMap(Emails::clean).ifPresent(emails::add);
    }

    private static boolean hasMetaTags(Document page) {
        List<Element> tags = new ArrayList<>(page.select("meta[name~=(?i)^description$]"));
        tags.addAll(page.select("meta[property^=og:]"));
        return tags.stream().anyMatch(m -> !m.attr("content").isBlank());
    }
}
