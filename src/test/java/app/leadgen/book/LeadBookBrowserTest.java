package app.leadgen.book;

import static app.leadgen.testing.Fakes.GOOGLE;
import static app.leadgen.testing.Fakes.OPENAI;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.LeadStore;
import app.leadgen.testing.Browser;
import app.leadgen.testing.BrowserTest;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.OpenAiBodies;
import app.leadgen.testing.TestLeads;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lead book in Chromium: a German Excel file imported through „Import" (a column's field
 * corrected, the counts, the rejected lines), a contact's panel showing where each field came from,
 * and a Places mailbox drafted and sent from its panel, while one at a domain without mail is refused.
 */
class LeadBookBrowserTest extends BrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String SEND = "/gmail/v1/users/me/messages/send";
    /** An import waits for a JobRunr poll (5 s); generous, as the CI machine is small. */
    private static final LocatorAssertions.ContainsTextOptions RUN_TIMEOUT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);

    @LocalServerPort
    int port;

    @Autowired
    LeadBook book;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadStore store;

    private String u;

    @BeforeEach
    void suffix() {
        u = Long.toString(System.nanoTime(), 36);
    }

    @Override
    protected int assertionTimeoutMillis() {
        return 15_000;
    }

    /** A German Excel export: Windows-1252, semicolons, German headers, a row without identity, a duplicate. */
    private byte[] germanCsv() {
        return ("Anrede;Vorname;Nachname;Firma;E-Mail;Telefon;PLZ;Ort;Webseite;Kundennr.\r\n"
                        + "Herr;Jörg;Weiß;Bäckerei Weiß " + u + ";joerg@weiss-" + u + ".de;030 1234567;10115;Berlin;"
                        + "www.weiss-" + u + ".de;K-17\r\n"
                        + "Frau;Anna;Müller;Café Müller " + u + ";ANNA@mueller-" + u + ".de;;50667;Köln;;K-18\r\n"
                        + ";;;;;;;;;nur eine Notiz\r\n"
                        + "Frau;Anna;Müller;Café Müller " + u + ";anna@mueller-" + u + ".de;;50667;Köln;;K-18\r\n"
                        + "Herr;Max;Mustermann;Muster " + u + ";kein-at-zeichen;0221 555 0;50668;Köln;;K-19\r\n")
                .getBytes(WINDOWS_1252);
    }

    @Test
    void aGermanExcelFileIsImportedAndEveryFieldSaysWhereItCameFrom() {
        Fakes.MAIL_DOMAINS.add("weiss-" + u + ".de");
        Fakes.MAIL_DOMAINS.add("mueller-" + u + ".de");
        page.navigate(base() + "/imports");
        assertThat(page.locator("#nav-imports")).hasClass(Pattern.compile("fw-bold"));

        // the file is dropped on the zone, as from the desktop (choosing it goes through the same code)
        List<Integer> bytes = new java.util.ArrayList<>();
        for (byte b : germanCsv()) {
            bytes.add(b & 0xff);
        }
        page.evaluate(
                "bytes => { const dt = new DataTransfer();"
                        + " dt.items.add(new File([new Uint8Array(bytes)], 'kunden.csv', {type: 'text/csv'}));"
                        + " const zone = document.getElementById('import-drop');"
                        + " for (const type of ['dragenter', 'dragover', 'drop'])"
                        + " zone.dispatchEvent(new DragEvent(type, {dataTransfer: dt, bubbles: true, cancelable: true})); }",
                bytes);
        assertThat(page.locator("#import-file-name")).containsText("kunden.csv");
        page.locator("#import-tag").fill("messe-" + u);
        page.locator("#import-upload").click();

        // the detected format and the proposal
        assertThat(page.locator("#import-encoding")).hasText("Windows-1252");
        assertThat(page.locator("#import-delimiter")).hasText("Semikolon (;)");
        assertThat(page.locator("#import-rows")).hasText("5");
        Locator mapping = page.locator("#mapping-body tr");
        assertThat(mapping).hasCount(10);
        Locator firstName = page.locator("#mapping-body tr[data-column='Vorname']");
        assertThat(firstName.locator(".samples")).containsText("Jörg");
        assertThat(firstName.locator("select")).hasValue("firstName");
        assertThat(page.locator("#mapping-body tr[data-column='E-Mail'] select"))
                .hasValue("email");
        Locator customerNo = page.locator("#mapping-body tr[data-column='Kundennr.']");
        assertThat(customerNo.locator("select")).hasValue("");
        assertThat(customerNo.locator("select option:checked")).hasText("(eigenes Feld)");

        // the person corrects one column: the customer number goes into the notes
        customerNo.locator("select").selectOption("notes");
        assertThat(customerNo).hasClass(Pattern.compile("changed"));
        Browser.screenshot(page, "import-mapping");
        page.locator("#import-start").click();
        assertThat(page.locator(".app-toast.success").last()).containsText("gestartet");

        // progress, then the counts and the rejected lines
        assertThat(page.locator("#import-result-title")).containsText("Abgeschlossen", RUN_TIMEOUT);
        assertThat(page.locator("#run-status")).hasText("Abgeschlossen");
        Map<String, String> expected = Map.of(
                "rows", "5",
                "imported", "4",
                "contactsCreated", "3",
                "companiesCreated", "3",
                "duplicatesInFile", "1",
                "invalid", "1",
                "suppressed", "0");
        expected.forEach((name, value) -> assertThat(page.locator("#import-counts tr[data-count='" + name + "'] td"))
                .hasText(value));
        long importId = Long.parseLong(page.url().replaceAll(".*[?&]id=(\\d+).*", "$1"));
        assertThat(page.locator("#import-errors")).hasAttribute("href", "/api/imports/" + importId + "/errors.csv");
        assertThat(page.locator("#imports-body tr[data-id='" + importId + "']")).containsText("messe-" + u);
        Browser.screenshot(page, "import-done");

        // the import's contacts, and where each of Jörg's fields came from
        page.locator("#import-contacts").click();
        assertThat(page.locator("#contacts-body tr.contact")).hasCount(3);
        assertThat(page.locator("#contacts-import")).hasValue(String.valueOf(importId));
        page.locator("#contacts-body tr.contact .open-contact")
                .filter(new Locator.FilterOptions().setHasText("Jörg"))
                .click();
        Locator panel = page.locator("#contact-panel");
        assertThat(panel).isVisible();
        Locator email = panel.locator("tr[data-field='email']");
        assertThat(email.locator("td.value")).containsText("joerg@weiss-" + u + ".de");
        assertThat(email).hasAttribute("title", Pattern.compile("^Quelle: csv:" + importId + ":2 "));
        assertThat(email.locator("td.source")).hasText("CSV-Import " + importId + ", Zeile 2");
        assertThat(panel.locator("tr[data-field='phone'] td.value")).hasText("+49301234567");
        assertThat(panel.locator("tr[data-field='notes'] td.value")).hasText("K-17");
        assertThat(panel.locator("tr[data-field='notes']"))
                .hasAttribute("title", Pattern.compile("csv:" + importId + ":2"));
        assertThat(panel.locator("#contact-company")).containsText("Bäckerei Weiß " + u);
        assertThat(panel.locator("#contact-company")).containsText("10115 Berlin");
        assertThat(panel.locator("#contact-findings")).containsText("CSV-Import " + importId + ", Zeile 2");
        email.hover();
        Browser.screenshot(page, "contact-provenance");

        // a correction by hand: the field's source becomes the user
        Locator position = panel.locator("tr[data-field='position']");
        position.locator(".edit-field").click();
        position.locator("input").fill("Inhaber");
        position.getByText("Speichern").click();
        assertThat(panel.locator("tr[data-field='position'] td.value")).hasText("Inhaber");
        assertThat(panel.locator("tr[data-field='position'] td.source")).hasText("user");

        // the company page lists its contact, linked back to the panel
        page.navigate(base() + "/companies");
        page.locator("#companies-q").fill("Bäckerei Weiß " + u);
        assertThat(page.locator("#companies-body tr.company")).hasCount(1);
        page.locator("#companies-body .open-company").click();
        assertThat(page.locator("#company-fields tr[data-field='postalCode']"))
                .hasAttribute("title", Pattern.compile("csv:" + importId + ":2"));
        Browser.screenshot(page, "company-panel");
        page.locator("#company-contacts a").click();
        assertThat(page.locator("#contact-name")).hasText("Jörg Weiß");

        // the same pages in English
        page.navigate(base() + "/imports?lang=en");
        assertThat(page.locator("#nav-contacts")).hasText("Contacts");
        assertThat(page.locator("#import-upload")).hasText("Check file");
        page.locator("#imports-body tr[data-id='" + importId + "'] .open-import")
                .click();
        assertThat(page.locator("#import-result-title")).containsText("Completed");
        assertThat(page.locator("#import-counts tr[data-count='contactsCreated'] th"))
                .hasText("new contacts");
        page.navigate(base() + "/imports?lang=de");
    }

    @Test
    void aPlacesMailboxIsDraftedAndSentFromItsPanelAndOneWithoutMailHostIsRefused() {
        String bakeryHost = "korn-" + u + ".de";
        long bakery = book.merge(
                        Origin.PLACES,
                        ContactInput.mailbox("backstube@" + bakeryHost, "ok", ContactStatus.QUALIFIED),
                        new CompanyInput(
                                "Bäckerei Korn " + u,
                                "https://" + bakeryHost + "/",
                                "+49 30 1234567",
                                "Hauptstraße 1",
                                "Berlin",
                                "10115",
                                "DE",
                                "bakery",
                                "place-korn-" + u,
                                4.6,
                                120,
                                List.of()),
                        new Sources("places", Map.of("email", "website:https://" + bakeryHost + "/impressum")))
                .contactId();
        String cafeHost = "cafe-" + u + ".de";
        long cafe = book.merge(
                        Origin.PLACES,
                        ContactInput.mailbox("kontakt@" + cafeHost, "no_domain", ContactStatus.DISQUALIFIED),
                        new CompanyInput(
                                "Café Ohne Post " + u,
                                "https://" + cafeHost + "/",
                                null,
                                null,
                                "Berlin",
                                null,
                                "DE",
                                "cafe",
                                "place-cafe-" + u,
                                4.1,
                                12,
                                List.of()),
                        Sources.of("places"))
                .contactId();
        OPENAI.stubFor(
                post(urlPathEqualTo("/v1/chat/completions"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                OpenAiBodies.completion(
                                                        "{\"subject\": \"Ihre Bäckerei im Netz\", \"body\": \"Guten Tag,\\n\\nIhre Website …\"}"))));
        GOOGLE.stubFor(post(urlPathEqualTo(SEND))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"m7\", \"threadId\": \"t7\", \"labelIds\": [\"SENT\"]}")));

        page.navigate(base() + "/contacts?id=" + bakery);
        Locator panel = page.locator("#contact-panel");
        assertThat(page.locator("#contact-name")).hasText("backstube@" + bakeryHost);
        assertThat(panel.locator("tr[data-field='email']"))
                .hasAttribute(
                        "title", Pattern.compile("website:https://" + bakeryHost.replace(".", "\\.") + "/impressum"));
        assertThat(panel.locator("#contact-company")).containsText("Bäckerei Korn " + u);
        assertThat(panel.locator("#contact-company")).containsText("Bäckerei");
        assertThat(page.locator("#contact-email-to")).hasText("An: backstube@" + bakeryHost);
        assertThat(page.locator("#contact-send-blocked")).isHidden();

        page.locator("#contact-draft").click();
        assertThat(page.locator("#contact-subject")).hasValue("Ihre Bäckerei im Netz");
        assertThat(page.locator("#contact-body")).hasValue("Guten Tag,\n\nIhre Website …");
        assertThat(page.locator(".app-toast.success").last()).containsText("Entwurf für backstube@" + bakeryHost);
        String prompt = OPENAI.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertThat(prompt).as("the place's fields are in the prompt").contains("Bäckerei Korn " + u);

        page.locator("#contact-body").fill("Guten Tag,\n\nkurz und persönlich.");
        page.locator("#contact-send").click();
        assertThat(page.locator("#contact-sent")).isVisible();
        assertThat(page.locator("#contact-sent")).hasText(Pattern.compile("^Gesendet \\d{1,2}\\.\\d{1,2}\\.\\d{4}"));
        assertThat(page.locator("#contact-send")).isHidden();
        String raw = JSON.readTree(GOOGLE.findAll(postRequestedFor(urlPathEqualTo(SEND)))
                        .get(0)
                        .getBodyAsString())
                .path("raw")
                .asString();
        String mime = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
        assertThat(mime).contains("backstube@" + bakeryHost).contains("kurz und pers");
        assertThat(page.locator("#contact-status")).hasText("E-Mail gesendet");
        page.locator("#contact-sent").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "contact-sent");

        // after a reload the panel still shows the draft and that it went out
        page.reload();
        assertThat(page.locator("#contact-sent")).isVisible();
        assertThat(page.locator("#contact-subject")).hasValue("Ihre Bäckerei im Netz");

        // a mailbox at a domain without mail records: shown, never sent to, and the page says why
        page.navigate(base() + "/contacts?id=" + cafe);
        assertThat(page.locator("#contact-name")).hasText("kontakt@" + cafeHost);
        assertThat(page.locator("#contact-send-blocked")).isVisible();
        assertThat(page.locator("#contact-send-blocked"))
                .containsText("die Domain " + cafeHost + " nimmt keine E-Mails an");
        assertThat(page.locator("#contact-send")).isDisabled();
        assertThat(panel.locator("tr[data-field='email'] .email-check")).hasText("Domain nimmt keine E-Mails an");
        page.locator("#contact-send-blocked").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "contact-no-domain");
        assertThat(GOOGLE.findAll(postRequestedFor(urlPathEqualTo(SEND)))).hasSize(1);
    }

    @Test
    void at1440PixelsALongBioKeepsItsRowShortEveryColumnIsReachableAndTheChoiceOfColumnsIsKept() {
        String user = "lb_long" + u;
        TestLeads leads = new TestLeads(jdbc, store);
        long run = leads.run("langtext");
        String bio = "Yoga" + "x".repeat(2996); // 3,000 characters without a space
        leads.lead(run, "langtexthashtag", user, "Dr. Maximiliane Musterfrau", bio, "max@" + user + ".de");
        page.setViewportSize(1440, 900);
        page.navigate(base() + "/");
        page.locator("#session-skip").click();
        page.locator("#only-latest-run").check();
        Locator row = page.locator("#leads-body tr[data-username='" + user + "']");
        assertThat(row).hasCount(1);

        // one lead is one short row; the bio is clamped, whole in its tooltip, open on a click
        assertThat(row.locator("td.bio .clamp")).hasAttribute("title", bio);
        assertThat(row.locator("td.bio .clamp")).hasClass(Pattern.compile("clamped"));
        assertThat(row.boundingBox().height).isLessThan(200);
        // names break between words only: no column is narrower than its longest word
        Locator name = row.locator("td").nth(1);
        assertThat(name.boundingBox().width).isGreaterThanOrEqualTo(textWidth(name, "Maximiliane"));
        assertThat(name.locator(".clamp")).not().hasClass(Pattern.compile("clamped")); // the whole name shows

        // every column can be reached: the table scrolls inside the page, the page itself does not
        Locator last = page.locator("#leads-table thead th[data-col='contact']");
        last.scrollIntoViewIfNeeded();
        var box = last.boundingBox();
        assertThat(box.x).isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).isLessThanOrEqualTo(1440);
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .isTrue();
        Browser.screenshot(page, "leads-1440");

        // the column chooser hides a column, and the page remembers it
        page.locator("#leads-columns summary").click();
        page.locator("#leads-columns input[data-col='bio']").uncheck();
        assertThat(page.locator("#leads-table thead th[data-col='bio']")).isHidden();
        assertThat(row.locator("td.bio")).isHidden();
        page.reload();
        page.locator("#only-latest-run").check();
        assertThat(page.locator("#leads-body tr[data-username='" + user + "']")).hasCount(1);
        assertThat(page.locator("#leads-table thead th[data-col='bio']")).isHidden();
        assertThat(page.locator("#leads-body tr[data-username='" + user + "'] td.bio"))
                .isHidden();
        page.locator("#leads-columns summary").click();
        page.locator("#leads-columns input[data-col='bio']").check();
        assertThat(page.locator("#leads-table thead th[data-col='bio']")).isVisible();
        page.locator("#leads-columns summary").click();
        assertThat(page.locator("#leads-columns .column-list")).isHidden();

        // the row links to its contact, whose panel has the e-mail editor
        page.locator("#leads-body tr[data-username='" + user + "'] .contact-link")
                .click();
        assertThat(page.locator("#contact-panel")).isVisible();
        assertThat(page.locator("#contact-email-to")).hasText("An: max@" + user + ".de");
        assertThat(page.locator("#contacts-body tr.contact").first()).isVisible();
        Browser.screenshot(page, "contacts-1440");

        // forgetting the person asks first; a „no" changes nothing, a „yes" erases the contact
        page.onceDialog(dialog -> dialog.dismiss());
        page.locator("#contact-forget").click();
        assertThat(page.locator("#contact-panel")).isVisible();
        page.onceDialog(dialog -> {
            assertThat(dialog.message()).contains("wirklich vergessen");
            dialog.accept();
        });
        page.locator("#contact-forget").click();
        assertThat(page.locator(".app-toast.success").last()).hasText("Die Person wurde vergessen.");
        assertThat(page.locator("#contact-panel")).isHidden();
        page.locator("#contacts-q").fill(user);
        assertThat(page.locator("#contacts-empty")).isVisible();
    }

    /** How wide word is in the font of cell. */
    private static double textWidth(Locator cell, String word) {
        return ((Number) cell.evaluate(
                        "(td, word) => { const s = document.createElement('span'); s.textContent = word;"
                                + " s.style.whiteSpace = 'nowrap'; td.appendChild(s); const w = s.getBoundingClientRect().width;"
                                + " s.remove(); return w; }",
                        word))
                .doubleValue();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
