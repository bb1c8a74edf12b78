package app.leadgen.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The four pages as a reader sees them: the text PDFBox extracts and the QR code a phone would scan. */
class ProposalPdfTest {

    static final ProposalPdf.Sender SENDER = new ProposalPdf.Sender(
            "Jörg Weiß Webagentur", "hallo@agentur.example", "+49 30 1234567", "Hauptstraße 5\\n10115 Berlin");
    static final String BOOKING = "https://cal.example/termin?lead=42&src=pdf";

    static ProposalInput baeckerei() {
        return new ProposalInput("Bäckerei Müller", "Bäckerei", "Köln", "Grete Müller", null, null, BOOKING);
    }

    @Test
    void fourPagesNameTheBusinessTheCaseStudyThePackagesAndTheSender() throws Exception {
        byte[] pdf = ProposalPdf.render(baeckerei(), ProposalSettings.Values.empty(), SENDER);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(4);
            assertThat(page(doc, 1))
                    .contains("Warum Bäckerei Müller eine digitale Plattform braucht")
                    .contains("Grete Müller")
                    .contains("Köln")
                    .contains("Bäckerei Müller hat sich als Bäckerei in Köln");
            assertThat(page(doc, 2)).contains("Fallbeispiel: Bäckerei").contains("Familienbäckerei");
            assertThat(page(doc, 3))
                    .contains("Leistungspakete und Preise")
                    .contains("Start")
                    .contains("990,00 €")
                    .contains("1.990,00 €")
                    .contains("Plattform");
            assertThat(page(doc, 4))
                    .contains("Jörg Weiß Webagentur")
                    .contains("hallo@agentur.example")
                    .contains("+49 30 1234567")
                    .contains("Hauptstraße 5")
                    .contains("10115 Berlin")
                    .contains(BOOKING);
        }
    }

    @Test
    void theQrCodeOnPageFourLeadsToTheBookingLink() throws Exception {
        byte[] pdf = ProposalPdf.render(baeckerei(), ProposalSettings.Values.empty(), SENDER);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(3, 100);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            var bitmap = new BinaryBitmap(
                    new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
            assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(BOOKING);
        }
    }

    @Test
    void theSettingsCaseStudyTheAiTextAndTheProductComeFirst() throws Exception {
        var settings = new ProposalSettings.Values(
                Map.of("Bäckerei", "Die Backstube Schmitz verkauft jetzt online.", "*", "Allgemeiner Text."),
                List.of(new ProposalSettings.ServicePackage("Paket Gold", "Alles drin", new BigDecimal("4999.50"))),
                "https://settings.example/buchen",
                null);
        var input = baeckerei()
                .withIntroText("Liebe Grete, Ihre Brötchen sind die besten in Köln.")
                .withOffer(new ProposalInput.Offer(
                        "Website-Paket", "Fünf Seiten", new BigDecimal("499.90"), "https://agentur.example/paket"))
                .withBookingUrl(null);
        try (PDDocument doc = Loader.loadPDF(ProposalPdf.render(input, settings, SENDER))) {
            assertThat(page(doc, 1)).contains("Ihre Brötchen sind die besten in Köln");
            assertThat(page(doc, 2)).contains("Die Backstube Schmitz verkauft jetzt online.");
            assertThat(page(doc, 3))
                    .contains("Website-Paket")
                    .contains("499,90 €")
                    .contains("https://agentur.example/paket")
                    .doesNotContain("Paket Gold");
            assertThat(page(doc, 4)).contains("https://settings.example/buchen");
        }
        var friseur = new ProposalInput("Salon X", "hair_care", null, null, null, null, null);
        try (PDDocument doc = Loader.loadPDF(ProposalPdf.render(friseur, settings, SENDER))) {
            assertThat(page(doc, 2)).contains("Fallbeispiel: Friseursalon");
            assertThat(page(doc, 3)).contains("Paket Gold").contains("4.999,50 €");
        }
        var other = new ProposalInput("Kanzlei Y", "Rechtsanwalt", null, null, null, null, null);
        try (PDDocument doc = Loader.loadPDF(ProposalPdf.render(other, settings, SENDER))) {
            assertThat(page(doc, 2)).contains("Allgemeiner Text.");
        }
    }

    @Test
    void hostileScrapedTextStaysOnFourPages() throws Exception {
        String word = "A".repeat(20_000);
        String hostile = "Evil\u0000Corp\u202e\u0007 🍕 Łódź 東京 \r\n" + word;
        var input = new ProposalInput(
                hostile, hostile, hostile, hostile, (hostile + "\n\n").repeat(50), null, "https://x.example/" + word);
        byte[] pdf = ProposalPdf.render(input, ProposalSettings.Values.empty(), SENDER);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(4);
            assertThat(page(doc, 1)).contains("Evil Corp").contains("Lódz").doesNotContain("\u0000");
        }
        var empty = new ProposalInput(null, null, null, null, null, null, null);
        try (PDDocument doc = Loader.loadPDF(ProposalPdf.render(empty, ProposalSettings.Values.empty(), SENDER))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(4);
            assertThat(page(doc, 1)).contains("Warum Ihr Unternehmen eine digitale Plattform braucht");
            assertThat(page(doc, 4)).contains("Antworten Sie einfach");
        }
    }

    @Test
    void fileNamesAreSafeForAnyName() {
        assertThat(Proposals.fileName("Bäckerei Müller")).isEqualTo("Bäckerei_Müller_Angebot.pdf");
        assertThat(Proposals.fileName("Café Crème & Co.")).isEqualTo("Cafe_Creme_&_Co_Angebot.pdf");
        assertThat(Proposals.fileName("../../etc/passwd")).isEqualTo("etc_passwd_Angebot.pdf");
        assertThat(Proposals.fileName("a\\b\"c'd\r\ne\u0000f")).isEqualTo("a_b_c_d_e_f_Angebot.pdf");
        assertThat(Proposals.fileName("東京 Sushi")).isEqualTo("Sushi_Angebot.pdf");
        assertThat(Proposals.fileName("🍕🍕")).isEqualTo("Angebot.pdf");
        assertThat(Proposals.fileName("  ")).isEqualTo("Angebot.pdf");
        assertThat(Proposals.fileName(null)).isEqualTo("Angebot.pdf");
        String longName = Proposals.fileName("X".repeat(500));
        assertThat(longName).hasSize(Proposals.MAX_FILE_NAME).endsWith("_Angebot.pdf");
        assertThat(ProposalController.contentDisposition("Bäckerei_Müller_Angebot.pdf"))
                .isEqualTo("attachment; filename=\"Baeckerei_Mueller_Angebot.pdf\";"
                        + " filename*=UTF-8''B%C3%A4ckerei_M%C3%BCller_Angebot.pdf");
    }

    static String page(PDDocument doc, int n) throws java.io.IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(n);
        stripper.setEndPage(n);
        return stripper.getText(doc).replaceAll("\\s+", " ");
    }
}
