package app.leadgen.campaigns;

import app.leadgen.outreach.Attachment;
import app.leadgen.products.Products;
import app.leadgen.proposal.ProposalInput;
import app.leadgen.proposal.Proposals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The PDF proposal of a message (seed 002 §5.3): the contact's company from the lead book, page 1
 * from the AI draft's benefits (the default text for template steps), the campaign's product on
 * page 3 (else the packages of the settings), and page 4's QR code to the booking link — the
 * message's tracked click link when the campaign tracks clicks.
 */
@Component
class ProposalFiles {

    static final String PDF = "application/pdf";

    private final Proposals proposals;
    private final Products products;
    private final JdbcClient jdbc;

    ProposalFiles(Proposals proposals, Products products, JdbcClient jdbc) {
        this.proposals = proposals;
        this.products = products;
        this.jdbc = jdbc;
    }

    record Pdf(String fileName, byte[] content) {}

    /** The booking link to register with the mail's tracked links (so its click redirects), if any. */
    Optional<String> bookingLink() {
        return proposals.bookingLink();
    }

    /** The proposal and the brochure as attachments; none when the campaign attaches no proposal. */
    List<Attachment> attachments(CampaignStore.Row campaign, Message m, String bookingUrl) {
        if (!campaign.attachProposal()) {
            return List.of();
        }
        List<Attachment> files = new ArrayList<>();
        Pdf pdf = render(campaign, m, bookingUrl);
        files.add(new Attachment(pdf.fileName(), PDF, pdf.content()));
        proposals.brochure().ifPresent(b -> files.add(new Attachment(b.fileName(), PDF, b.content())));
        return files;
    }

    Pdf render(CampaignStore.Row campaign, Message m, String bookingUrl) {
        ProposalInput in = proposals
                .inputFor(m.contactId())
                .withIntroText(intro(m.id()))
                .withOffer(offer(campaign.productId()))
                .withBookingUrl(bookingUrl);
        return new Pdf(Proposals.fileName(in.companyName()), proposals.render(in));
    }

    /** @throws app.leadgen.support.ApiProblem 400 when there is no such product */
    void requireProduct(long productId) {
        if (products.find(productId).isEmpty()) {
            throw app.leadgen.support.ApiProblem.badRequest("problem.campaigns.product", productId);
        }
    }

    /** The wizard's preview: a contact's proposal with the product the campaign would offer (page 1: default text). */
    Pdf preview(long contactId, Long productId) {
        ProposalInput in = proposals.inputFor(contactId).withOffer(offer(productId));
        return new Pdf(Proposals.fileName(in.companyName()), proposals.render(in));
    }

    static String contentDisposition(String fileName) {
        return Proposals.contentDisposition(fileName);
    }

    private ProposalInput.Offer offer(Long productId) {
        if (productId == null) {
            return null;
        }
        return products.find(productId)
                .map(p -> new ProposalInput.Offer(p.name(), p.description(), p.price(), p.url()))
                .orElse(null);
    }

    /** The LLM's three benefits as page 1's paragraphs; null (the default text) for template steps. */
    private String intro(long messageId) {
        String json = jdbc.sql("select benefits from campaign_messages where id = :id")
                .param("id", messageId)
                .query(String.class)
                .optional()
                .orElse(null);
        if (json == null || json.isBlank()) {
            return null;
        }
        List<String> benefits = new ArrayList<>();
        for (JsonNode b : CampaignStore.JSON.readTree(json)) {
            if (b.isString() && !b.asString().isBlank()) {
                benefits.add(b.asString().strip());
            }
        }
        return benefits.isEmpty() ? null : String.join("\n\n", benefits);
    }
}
