package app.leadgen.websites.extract;

import java.net.IDN;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** URL helpers: absolute links, "same site", host without {@code www.}. */
public final class Sites {

    /**
     * Hosts where a business has a page but not its own domain: link-in-bio services, social
     * networks, site builders' subdomains. Guessing info@linktr.ee would write to someone else.
     */
    private static final List<String> PLATFORMS = List.of(
            "linktr.ee",
            "linkin.bio",
            "bio.link",
            "beacons.ai",
            "lnk.bio",
            "taplink.cc",
            "instagram.com",
            "facebook.com",
            "tiktok.com",
            "youtube.com",
            "twitter.com",
            "x.com",
            "linkedin.com",
            "xing.com",
            "wa.me",
            "t.me",
            "google.com",
            "goo.gl",
            "g.page",
            "business.site",
            "wixsite.com",
            "jimdosite.com",
            "jimdofree.com",
            "jimdo.com",
            "webnode.page",
            "carrd.co",
            "square.site",
            "myshopify.com",
            "etsy.com",
            "ebay.de",
            "amazon.de",
            "wordpress.com",
            "blogspot.com",
            "github.io",
            "netlify.app",
            "vercel.app",
            "strikingly.com",
            "weebly.com",
            "site123.me",
            "one.com",
            "ionos.de",
            "onepage.website",
            "treatwell.de",
            "booksy.com");

    private static final Pattern HAS_SCHEME = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://.*");
    private static final Pattern NOT_A_WEBSITE = Pattern.compile("(?i)^(mailto|tel|javascript|data|file|ftp):");
    /** scheme://, host (no port, user info or path), the rest. */
    private static final Pattern SCHEME_HOST_REST =
            Pattern.compile("(?s)^([a-zA-Z][a-zA-Z0-9+.-]*://)([^/:?#@\\[\\]]+)(.*)$");

    private Sites() {}

    /**
     * A website as people write it ({@code firma.de}, {@code www.firma.de/kontakt},
     * {@code https://firma.de}) as an absolute URL; {@code http://} is added when the scheme is
     * missing, because that is what a browser does and the site redirects to https itself.
     */
    public static Optional<URI> website(String raw) {
        if (raw == null || raw.isBlank() || NOT_A_WEBSITE.matcher(raw.trim()).find()) {
            return Optional.empty();
        }
        String value = raw.trim();
        if (!HAS_SCHEME.matcher(value).matches()) {
            value = "http://" + value;
        }
        Matcher parts = SCHEME_HOST_REST.matcher(value);
        if (!parts.matches()) {
            return Optional.empty();
        }
        try {
            // java.net.URI has no host for bäckerei-müller.de: the host goes in as punycode
            String host = IDN.toASCII(parts.group(2), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            URI url = new URI(parts.group(1).toLowerCase(Locale.ROOT)
                    + host
                    + parts.group(3).replace(" ", "%20"));
            if (url.getHost() == null) {
                return Optional.empty();
            }
            String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            return Optional.of(new URI(url.getScheme() + "://" + url.getRawAuthority() + path
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Whether mail to {@code <prefix>@<siteHost>} could reach this business: its own domain, not a platform or an IP. */
    public static boolean ownDomain(String siteHost) {
        if (siteHost.isEmpty() || siteHost.indexOf('.') < 0 || siteHost.matches("[0-9.]+") || siteHost.contains(":")) {
            return false;
        }
        return PLATFORMS.stream().noneMatch(p -> siteHost.equals(p) || siteHost.endsWith("." + p));
    }

    /** The link as an absolute http(s) URL without fragment, or empty (mailto:, javascript:, garbage). */
    public static Optional<URI> absolute(URI base, String href) {
        String h = href == null ? "" : href.trim();
        if (h.isEmpty() || h.startsWith("#")) {
            return Optional.empty();
        }
        try {
            URI url = base.resolve(new URI(h.replace(" ", "%20")));
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(withoutFragment(url));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    public static URI withoutFragment(URI url) {
        if (url.getRawFragment() == null) {
            return url;
        }
        String s = url.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }

    /** Host in lower case without a leading {@code www.}. */
    public static String siteHost(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /** Same host, ignoring {@code www.}, or a subdomain of it (shop.firma.de on firma.de). */
    public static boolean sameSite(URI site, URI other) {
        String a = siteHost(site);
        String b = siteHost(other);
        return !a.isEmpty() && (a.equals(b) || b.endsWith("." + a));
    }

    static String decodedPath(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }
}
