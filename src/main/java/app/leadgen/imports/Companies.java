package app.leadgen.imports;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a text names a business rather than a person: a legal form ({@code GmbH}, {@code e.K.},
 * {@code Ltd}), an ampersand ({@code Müller & Söhne}), or a trade word ({@code Bäckerei},
 * {@code Friseursalon}, {@code Zahnarztpraxis}). Trade words that are also surnames ({@code Bauer},
 * {@code Hofmann}) are left out: a person taken for a company is worse than the opposite, which
 * the LLM can still fix.
 */
final class Companies {

    private static final Pattern LEGAL_FORM = Pattern.compile("(?<![\\p{L}\\p{N}])(?:g?GmbH|mbH|AG|KGaA|KG|OHG|oHG|UG"
            + "|GbR|PartG(?:mbB)?|eG|e\\.\\s?K(?:fm|fr)?\\.?|e\\.\\s?V\\.?|Ltd\\.?|Limited|LLC|Inc\\.?|Corp\\.?"
            + "|S\\.A\\.|SE|B\\.V\\.|S\\.r\\.l\\.|Co\\.)(?![\\p{L}\\p{N}])|\\s&\\s|\\bund\\s+(?:Söhne|Partner)\\b");

    /** Trade words, matched anywhere in a word (Friseursalon, Zahnarztpraxis); none is a common surname. */
    private static final Pattern TRADE = Pattern.compile("(?iu)(?:bäckerei|baeckerei|konditorei|metzgerei|fleischerei"
            + "|friseur|frisör|coiffeur|barbershop|barbier|salon|praxis|kanzlei|restaurant|ristorante|trattoria|café"
            + "|bistro|pizzeria|imbiss|hotel|pension|gasthof|gasthaus|brauerei|weingut|studio|agentur|autohaus"
            + "|apotheke|werkstatt|zahnarzt|physiotherap|immobilien|consulting|beratung|versicherung|steuerberat"
            + "|architekt|ingenieurbüro|druckerei|verlag|logistik|spedition|tischlerei|schreinerei|zimmerei"
            + "|malerbetrieb|dachdeck|gärtnerei|floristik|blumenladen|kosmetik|nagelstudio|fitness|tattoo"
            + "|fotografie|photography|reisebüro|fahrschule|optiker|akustik|holding|solutions|technologies"
            + "|software|akademie|institut|stiftung|klinik|zentrum|manufaktur|handwerk|sanitär|elektrotechnik"
            + "|haustechnik|shop\\b|store\\b|\\bgroup\\b|\\bclub\\b|\\bverein\\b|\\bteam\\b)");

    private Companies() {}

    static boolean looksLikeCompany(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return LEGAL_FORM.matcher(text).find()
                || TRADE.matcher(text.toLowerCase(Locale.ROOT)).find();
    }
}
