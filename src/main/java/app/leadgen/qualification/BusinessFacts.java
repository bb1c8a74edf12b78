package app.leadgen.qualification;

/**
 * What we know about a business when it is scored (spec §5.2).
 *
 * @param website the state of its website, as far as it was checked
 * @param metaTags its home page has a meta description or Open Graph tags (only meaningful with
 *     {@link Website#OK})
 * @param instagramOrFacebook a business profile on Instagram or Facebook is known
 * @param rating the Google rating, {@code null} when there is none
 * @param phone a phone number is known
 */
public record BusinessFacts(
        Website website, boolean metaTags, boolean instagramOrFacebook, Double rating, boolean phone) {

    /** The website as far as we know it; one state, so the website rules exclude each other. */
    public enum Website {
        /** No website listed (Places {@code websiteUri} empty). */
        NONE,
        /** Listed, but the domain does not resolve (NXDOMAIN). */
        NO_DNS,
        /** Listed, resolves, but answers 4xx/5xx. */
        HTTP_ERROR,
        /** Listed, resolves, but does not answer (refused, timeout). */
        UNREACHABLE,
        /** Listed and answers with a page. */
        OK,
        /** Listed, not checked (or not allowed to be fetched): no website rule applies. */
        UNKNOWN
    }
}
