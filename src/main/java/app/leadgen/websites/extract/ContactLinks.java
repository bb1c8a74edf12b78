package app.leadgen.websites.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Links to the pages where a small business puts its contacts, on the same site: Impressum first
 * (German law requires an address and a way to write there), then Kontakt, then Über uns.
 */
public final class ContactLinks {

    private static final List<Pattern> BY_PRIORITY = List.of(
            Pattern.compile("impressum|imprint|legal[-_ ]?notice|site[-_ ]?notice"),
            Pattern.compile("kontakt|contact"),
            Pattern.compile("über[-_ ]?uns|ueber[-_ ]?uns|uber[-_ ]?uns|about"));
    private static final Pattern FILE = Pattern.compile(
            "\\.(pdf|jpe?g|png|gif|webp|svg|zip|docx?|xlsx?|mp4|mp3|vcf|ics)$", Pattern.CASE_INSENSITIVE);

    private ContactLinks() {}

    public static List<URI> on(Document page, URI pageUrl) {
        record Candidate(URI url, int priority, int order) {}
        List<Candidate> candidates = new ArrayList<>();
        int order = 0;
        for (Element a : page.select("a[href]")) {
            URI url = Sites.absolute(pageUrl, a.attr("href")).orElse(null);
            if (url == null
                    || !Sites.sameSite(pageUrl, url)
                    || FILE.matcher(url.getPath()).find()) {
                continue;
            }
            String haystack =
                    (a.text() + " " + a.attr("title") + " " + Sites.decodedPath(url)).toLowerCase(Locale.ROOT);
            for (int p = 0; p < BY_PRIORITY.size(); p++) {
                if (BY_PRIORITY.get(p).matcher(haystack).find()) {
                    if (!url.equals(Sites.withoutFragment(pageUrl))
                            && candidates.stream().noneMatch(c -> c.url().equals(url))) {
                        candidates.add(new Candidate(url, p, order++));
                    }
                    break;
                }
            }
        }
        return candidates.stream()
                .sorted(Comparator.comparingInt(Candidate::priority).thenComparingInt(Candidate::order))
                .map(Candidate::url)
                .toList();
    }
}
