package app.leadgen.proposal;

import java.math.BigDecimal;

/**
 * What one proposal is about. Everything but the company name may be null.
 *
 * @param introText page 1, the AI's text (null: a German default naming the business)
 * @param offer the product the campaign offers (null: the packages of the settings on page 3)
 * @param bookingUrl where the QR code leads, e.g. the tracked booking link (null: the settings' link)
 */
public record ProposalInput(
        String companyName,
        String category,
        String city,
        String contactName,
        String introText,
        Offer offer,
        String bookingUrl) {

    /** A product as page 3 shows it; {@code price} in euros, null: on request. */
    public record Offer(String name, String description, BigDecimal price, String url) {}

    public ProposalInput withIntroText(String text) {
        return new ProposalInput(companyName, category, city, contactName, text, offer, bookingUrl);
    }

    public ProposalInput withOffer(Offer product) {
        return new ProposalInput(companyName, category, city, contactName, introText, product, bookingUrl);
    }

    public ProposalInput withBookingUrl(String url) {
        return new ProposalInput(companyName, category, city, contactName, introText, offer, url);
    }
}
