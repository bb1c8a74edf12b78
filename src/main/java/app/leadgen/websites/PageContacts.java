package app.leadgen.websites;

import java.net.URI;
import java.util.List;

/**
 * What one page says about how to reach the business.
 *
 * @param emails valid, lower-case addresses (mailto links, JSON-LD and Cloudflare-protected ones
 *     first, then those in the text)
 * @param phones E.164 numbers, fax numbers left out
 * @param socials the business's own social profiles
 * @param contactPages links on the same site to Impressum, Kontakt, Über uns, … in that order
 * @param metaTags whether the page has a meta description or Open Graph tags
 */
public record PageContacts(
        List<String> emails, List<String> phones, List<SocialLink> socials, List<URI> contactPages, boolean metaTags) {}
