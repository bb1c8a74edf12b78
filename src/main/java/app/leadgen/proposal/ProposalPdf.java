package app.leadgen.proposal;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders the four pages. Pure: everything comes in as arguments, so tests and the benchmark call it
 * without Spring. Each page is one column of fixed size: texts are capped ({@link PdfText}) and what
 * still does not fit is cut, so hostile input never spills over into a fifth page.
 */
final class ProposalPdf {

    static final int MAX_INTRO = 2500;
    static final int MAX_STUDY = 2500;
    static final int MAX_PACKAGES = 6;
    static final int MAX_PACKAGE_TEXT = 350;

    /** The sender on page 4: {@code FROM_NAME}, {@code FROM_EMAIL}, a phone, {@code SENDER_POSTAL_ADDRESS}. */
    record Sender(String name, String email, String phone, String postalAddress) {}

    private static final BaseFont REGULAR = font(BaseFont.HELVETICA);
    private static final BaseFont BOLD = font(BaseFont.HELVETICA_BOLD);
    private static final float QR_SIZE = 170;
    private static final Color ACCENT = new Color(0x1f, 0x4e, 0x79);

    private ProposalPdf() {}

    static byte[] render(ProposalInput in, ProposalSettings.Values settings, Sender sender) {
        String company = PdfText.line(in.companyName(), 120);
        if (company.isEmpty()) {
            company = "Ihr Unternehmen";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        Document doc = new Document(PageSize.A4, 60, 60, 70, 60);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.addTitle("Angebot für " + company);
        doc.addAuthor(PdfText.line(sender.name(), 120));
        doc.open();

        // page 1: why the business needs a digital platform
        List<Element> page = new ArrayList<>();
        heading(page, "Warum " + company + " eine digitale Plattform braucht");
        String greeting = PdfText.line(in.contactName(), 120);
        String city = PdfText.line(in.city(), 80);
        small(
                page,
                "Persönliches Angebot für " + (greeting.isEmpty() ? company : greeting + ", " + company)
                        + (city.isEmpty() ? "" : " in " + city));
        String intro = in.introText() == null || in.introText().isBlank()
                ? defaultIntro(company, PdfText.line(in.category(), 80), city)
                : in.introText();
        body(page, PdfText.clean(intro, MAX_INTRO));
        next(doc, writer, page, 0);
        page = new ArrayList<>();

        // page 2: a case study of the industry
        CaseStudies.Study study = CaseStudies.forCategory(in.category(), settings.caseStudies());
        heading(page, PdfText.line(study.title(), 120));
        body(page, PdfText.clean(study.text(), MAX_STUDY));
        small(
                page,
                "Ein Beispiel aus der Branche; Zahlen gerundet. Was für " + company + " möglich ist, besprechen"
                        + " wir gern persönlich.");
        next(doc, writer, page, 0);
        page = new ArrayList<>();

        // page 3: packages and prices
        heading(page, "Leistungspakete und Preise");
        List<ProposalSettings.ServicePackage> packages = in.offer() != null
                ? List.of(new ProposalSettings.ServicePackage(
                        in.offer().name(), in.offer().description(), in.offer().price()))
                : settings.packagesOrDefault();
        for (ProposalSettings.ServicePackage p : packages.subList(0, Math.min(MAX_PACKAGES, packages.size()))) {
            Paragraph name = new Paragraph(PdfText.line(p.name(), 120), new Font(BOLD, 13, Font.NORMAL, ACCENT));
            name.setSpacingBefore(12);
            page.add(name);
            page.add(new Paragraph(price(p.price()), new Font(BOLD, 11)));
            if (p.description() != null && !p.description().isBlank()) {
                body(page, PdfText.clean(p.description(), MAX_PACKAGE_TEXT));
            }
        }
        if (in.offer() != null && in.offer().url() != null && !in.offer().url().isBlank()) {
            small(page, "Mehr dazu: " + PdfText.url(in.offer().url(), 300));
        }
        small(page, "Alle Preise zzgl. gesetzlicher Umsatzsteuer. Das Angebot ist unverbindlich.");
        next(doc, writer, page, 0);
        page = new ArrayList<>();

        // page 4: contact and the QR code to the booking link
        heading(page, "Kontakt");
        String who = PdfText.line(sender.name(), 120);
        body(page, who.isEmpty() ? "Ihr Ansprechpartner" : who);
        String address =
                sender.postalAddress() == null ? "" : sender.postalAddress().replace("\\n", "\n");
        if (!address.isBlank()) {
            body(page, PdfText.clean(address, 400));
        }
        if (sender.email() != null && !sender.email().isBlank()) {
            body(page, "E-Mail: " + PdfText.line(sender.email(), 200));
        }
        if (sender.phone() != null && !sender.phone().isBlank()) {
            body(page, "Telefon: " + PdfText.line(sender.phone(), 60));
        }
        String booking = in.bookingUrl() != null && !in.bookingUrl().isBlank()
                ? in.bookingUrl().strip()
                : settings.bookingLink();
        if (booking != null && !booking.isBlank() && booking.length() <= 2000) {
            Paragraph ask = new Paragraph("Kostenloses Erstgespräch buchen:", new Font(BOLD, 13, Font.NORMAL, ACCENT));
            ask.setSpacingBefore(24);
            page.add(ask);
            small(page, PdfText.url(booking, 300));
            QrCode.draw(writer.getDirectContent(), booking, doc.left(), doc.bottom() + 20, QR_SIZE);
        } else {
            body(page, "Antworten Sie einfach auf unsere E-Mail – wir melden uns für ein kostenloses Erstgespräch.");
        }
        next(doc, writer, page, QR_SIZE + 30);
        doc.close();
        return out.toByteArray();
    }

    static String defaultIntro(String company, String category, String city) {
        String kind = category.isEmpty() ? "Unternehmen" : category;
        String where = city.isEmpty() ? "" : " in " + city;
        return company + " hat sich als " + kind + where + " einen Namen gemacht. Heute suchen die meisten"
                + " Kundinnen und Kunden zuerst im Netz: nach Öffnungszeiten, Preisen, Bewertungen und einem Weg,"
                + " direkt Kontakt aufzunehmen oder einen Termin zu buchen.\n\n"
                + "Eine eigene digitale Plattform macht " + company + " dort sichtbar, wo neue Kundschaft sucht,"
                + " nimmt Anfragen und Buchungen rund um die Uhr an und entlastet Ihr Team am Telefon. Sie"
                + " bestimmen, wie Ihr Angebot auftritt – unabhängig von Portalen und deren Gebühren.\n\n"
                + "Auf den folgenden Seiten finden Sie ein Beispiel aus Ihrer Branche, unsere Pakete mit Preisen"
                + " und den direkten Weg zu einem kostenlosen Erstgespräch.";
    }

    static String price(BigDecimal price) {
        if (price == null) {
            return "Preis auf Anfrage";
        }
        return NumberFormat.getCurrencyInstance(Locale.GERMANY).format(price).replace('\u00a0', ' ');
    }

    private static void heading(List<Element> doc, String text) {
        Paragraph p = new Paragraph(text, new Font(BOLD, 20, Font.NORMAL, ACCENT));
        p.setSpacingAfter(14);
        doc.add(p);
    }

    private static void body(List<Element> doc, String text) {
        for (String part : text.split("\n")) {
            if (part.isBlank()) {
                continue;
            }
            Paragraph p = new Paragraph(part, new Font(REGULAR, 11));
            p.setLeading(15);
            p.setSpacingAfter(7);
            p.setAlignment(Element.ALIGN_LEFT);
            doc.add(p);
        }
    }

    private static void small(List<Element> doc, String text) {
        Paragraph p = new Paragraph(text, new Font(REGULAR, 9, Font.NORMAL, Color.DARK_GRAY));
        p.setSpacingBefore(6);
        p.setSpacingAfter(8);
        doc.add(p);
    }

    /**
     * Writes the page's elements into one column ({@code reserved} points kept free at the bottom) and
     * ends the page; what does not fit is dropped.
     */
    private static void next(Document doc, PdfWriter writer, List<Element> page, float reserved) {
        ColumnText column = new ColumnText(writer.getDirectContent());
        column.setSimpleColumn(doc.left(), doc.bottom() + reserved, doc.right(), doc.top());
        for (Element e : page) {
            column.addElement(e);
        }
        column.go();
        writer.setPageEmpty(false);
        doc.newPage();
    }

    private static BaseFont font(String name) {
        try {
            return BaseFont.createFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("built-in font " + name, e);
        }
    }
}
