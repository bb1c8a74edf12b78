package app.leadgen.proposal;

import app.leadgen.book.Cards;
import app.leadgen.book.CompanyItem;
import app.leadgen.book.ContactDetail;
import app.leadgen.support.ApiProblem;
import java.text.Normalizer;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The module's API: a lead's proposal as PDF bytes and its file name. Campaigns call {@link
 * #inputFor(long)} for a contact, add the AI's text, the product and the tracked booking link
 * ({@code with…}), then {@link #render(ProposalInput)} and attach it as {@link #fileName(String)}.
 */
@Service
public class Proposals {

    static final int MAX_FILE_NAME = 80;
    static final String FALLBACK_FILE_NAME = "Angebot.pdf";

    /** A file to attach: its name and bytes. */
    public record Attachment(String fileName, byte[] content) {}

    private final ProposalSettings settings;
    private final Brochure brochure;
    private final Cards cards;
    private final ProposalPdf.Sender sender;
    private final org.springframework.context.MessageSource messages;

    Proposals(
            ProposalSettings settings,
            Brochure brochure,
            Cards cards,
            org.springframework.context.MessageSource messages,
            @Value("${leadgen.smtp.from-name:}") String fromName,
            @Value("${leadgen.smtp.from-email:}") String fromEmail,
            @Value("${leadgen.mail.postal-address:}") String postalAddress) {
        this.settings = settings;
        this.brochure = brochure;
        this.cards = cards;
        this.messages = messages;
        this.sender = new ProposalPdf.Sender(fromName, fromEmail, null, postalAddress);
    }

    /** The four pages for this lead, with the current settings and the sender of the environment. */
    public byte[] render(ProposalInput input) {
        if (input.introText() == null || input.introText().isBlank()) {
            input = input.withIntroText(ProposalPdf.defaultIntro(
                    PdfText.line(input.companyName(), 120),
                    categoryLabel(input.category()),
                    PdfText.line(input.city(), 80)));
        }
        ProposalSettings.Values values = settings.current();
        ProposalPdf.Sender withPhone =
                new ProposalPdf.Sender(sender.name(), sender.email(), values.senderPhone(), sender.postalAddress());
        return ProposalPdf.render(input, values, withPhone);
    }

    /**
     * A Places type id as the German word the proposal is written in („bakery" → „Bäckerei", from the
     * locations' labels); any other category as it is.
     */
    String categoryLabel(String category) {
        String c = PdfText.line(category, 80);
        if (!c.matches("[a-z_]{1,50}")) {
            return c;
        }
        return messages.getMessage("locations.category." + c, null, c.replace('_', ' '), java.util.Locale.GERMAN);
    }

    /** The booking link of the settings (page 4's QR code leads there, tracked when the campaign tracks clicks). */
    public Optional<String> bookingLink() {
        String link = settings.current().bookingLink();
        return link == null || link.isBlank() ? Optional.empty() : Optional.of(link);
    }

    /** The static brochure an admin uploaded, to attach beside the proposal; empty when there is none. */
    public Optional<Attachment> brochure() {
        return brochure.current();
    }

    /** A lead-book contact's company as a proposal's input (no AI text, product or booking link yet); 404 if unknown. */
    public ProposalInput inputFor(long contactId) {
        ContactDetail c =
                cards.contact(contactId).orElseThrow(() -> ApiProblem.notFound("problem.contacts.unknown", contactId));
        CompanyItem co = c.company();
        String company = co != null && co.name() != null ? co.name() : c.companyName();
        if (company == null || company.isBlank()) {
            company = c.fullName();
        }
        String city = co != null && co.city() != null ? co.city() : c.city();
        String person = c.fullName() != null && !c.fullName().equals(company) ? c.fullName() : null;
        return new ProposalInput(company, co == null ? null : co.category(), city, person, null, null, null);
    }

    /**
     * {@code {Firmenname}_Angebot.pdf}, safe as an attachment name anywhere: umlauts and ß kept, other
     * accents reduced to their letter, everything else but letters, digits, {@code - . &} and spaces
     * becomes {@code _}; capped at {@value #MAX_FILE_NAME} characters; {@value #FALLBACK_FILE_NAME} when
     * nothing is left.
     */
    public static String fileName(String companyName) {
        String name = safeName(companyName);
        if (name.isEmpty()) {
            return FALLBACK_FILE_NAME;
        }
        String suffix = "_Angebot.pdf";
        if (name.length() > MAX_FILE_NAME - suffix.length()) {
            name = name.substring(0, MAX_FILE_NAME - suffix.length()).replaceAll("[_.-]+$", "");
        }
        return name + suffix;
    }

    /**
     * The {@code Content-Disposition} of a download: {@code attachment; filename="<ASCII>";
     * filename*=UTF-8''<name>} (RFC 6266), for a name from {@link #fileName}.
     */
    public static String contentDisposition(String fileName) {
        return ProposalController.contentDisposition(fileName);
    }

    /** The name part of a file name: see {@link #fileName}; empty when no letter or digit is left. */
    static String safeName(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            if ("äöüÄÖÜß".indexOf(cp) >= 0 || (cp < 128 && (Character.isLetterOrDigit(cp) || "-&".indexOf(cp) >= 0))) {
                out.appendCodePoint(cp);
            } else if (Character.isLetter(cp)) {
                String base = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD)
                        .replaceAll("[^A-Za-z]", "");
                out.append(base.isEmpty() ? "_" : base);
            } else {
                out.append('_');
            }
        }
        String name = out.toString().replaceAll("_+", "_").replaceAll("^[_.-]+|[_.-]+$", "");
        if (name.chars().noneMatch(Character::isLetterOrDigit)) {
            return "";
        }
        return name.length() > MAX_FILE_NAME - 12
                ? name.substring(0, MAX_FILE_NAME - 12).replaceAll("[_.-]+$", "")
                : name;
    }
}
