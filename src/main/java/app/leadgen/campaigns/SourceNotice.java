package app.leadgen.campaigns;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The notice where a recipient's address was found (GDPR Art. 14 asks to tell the source of data not
 * collected from the person): {@code SOURCE_NOTICE_TEMPLATE} (else {@link #DEFAULT_TEMPLATE}) with
 * {@code {source}} replaced by a German phrase for the source the lead book recorded for the
 * contact's e-mail address (its provenance), else for the contact's first origin, and {@code
 * {email}} by the address. The phrase carries its own preposition ("auf Ihrer Website (…)"), since
 * the sources differ in kind.
 */
@Component
class SourceNotice {

    static final String DEFAULT_TEMPLATE = "Hinweis nach Art. 14 DSGVO: Ihre E-Mail-Adresse haben wir {source}"
            + " gefunden. Wir verwenden sie nur, um Ihnen dieses Angebot zu schicken; widersprechen können Sie"
            + " jederzeit über den Abmeldelink.";

    private final JdbcClient jdbc;
    private final String template;

    SourceNotice(JdbcClient jdbc, CampaignProperties properties) {
        this.jdbc = jdbc;
        String configured = properties.sourceNoticeTemplate();
        this.template = configured == null || configured.isBlank() ? DEFAULT_TEMPLATE : configured.strip();
    }

    /** The notice for a campaign mail to this contact at this address. */
    String forContact(long contactId, String email) {
        record Known(String provenance, String sources) {}
        Optional<Known> known = jdbc.sql("select provenance, sources from contacts where id = :id")
                .param("id", contactId)
                .query((rs, n) -> new Known(rs.getString("provenance"), rs.getString("sources")))
                .optional();
        String source = known.map(k -> emailSource(k.provenance()))
                .or(() -> known.map(Known::sources).map(s -> s.split(",")[0]))
                .orElse(null);
        return template.replace("{source}", phrase(source, email)).replace("{email}", email == null ? "" : email);
    }

    /** The source the lead book recorded for the contact's {@code email} field, if any. */
    private static String emailSource(String provenance) {
        if (provenance == null || provenance.isBlank()) {
            return null;
        }
        try {
            JsonNode source =
                    CampaignStore.JSON.readTree(provenance).path("email").path("source");
            return source.isString() ? source.asString() : null;
        } catch (RuntimeException damaged) {
            return null;
        }
    }

    /** A German phrase (with its preposition) for a recorded source: {@code website:…}, {@code places}, … */
    static String phrase(String source, String email) {
        String s = source == null ? "" : source.strip();
        String kind = s.contains(":") ? s.substring(0, s.indexOf(':')) : s;
        switch (kind.toLowerCase(Locale.ROOT)) {
            case "website":
                return "auf Ihrer Website (" + shortUrl(s.substring(s.indexOf(':') + 1)) + ")";
            case "guessed":
                String domain = email != null && email.contains("@") ? email.substring(email.indexOf('@') + 1) : null;
                return domain == null ? "über Ihre Website" : "über Ihre Website (" + domain + ")";
            case "places":
                return "in Ihrem Google-Unternehmensprofil (Google Maps)";
            case "instagram", "apify", "bio":
                return "in Ihrem öffentlichen Instagram-Profil";
            case "perplexity":
                return "bei einer Websuche in öffentlich zugänglichen Quellen";
            case "csv":
                return "in einer uns überlassenen Adressliste";
            case "user":
                return "in unseren eigenen Unterlagen";
            default:
                return "in öffentlich zugänglichen Quellen";
        }
    }

    /** {@code https://www.baecker.de/impressum/} → {@code baecker.de/impressum}, at most 100 characters. */
    private static String shortUrl(String url) {
        String out = url.strip();
        try {
            URI uri = URI.create(out);
            if (uri.getHost() != null) {
                String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("/+$", "");
                out = uri.getHost().replaceFirst("^www\\.", "") + path;
            }
        } catch (IllegalArgumentException notAUri) {
            // keep it as it was recorded
        }
        return out.length() > 100 ? out.substring(0, 100) + "…" : out;
    }
}
