package app.leadgen.imports;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * German and English column headers of the usual exports (Excel lists, Outlook, Google Contacts,
 * HubSpot, LinkedIn, scrapers) and the field each stands for. Headers are compared without case,
 * spaces, punctuation and accents („E-Mail-Adresse", „email_adresse" and „EMAIL ADRESSE" are one),
 * and without qualifiers such as „geschäftlich", „Business" or „1 - Value". A header that contains
 * a known header of five letters or more („Kontakt-E-Mail") counts too, unless it names something
 * about the field rather than the field („E-Mail-Status", „Telefon geprüft am").
 */
public final class HeaderSynonyms {

    private static final Pattern TOKEN_SPLIT = Pattern.compile("[^a-z0-9]+");
    private static final Map<String, Field> EXACT = build();
    /** Qualifiers dropped before a second lookup: „Telefon geschäftlich" is a phone. */
    private static final Set<String> QUALIFIERS = Set.of(
            "geschaeftlich",
            "geschaftlich",
            "business",
            "privat",
            "private",
            "home",
            "work",
            "arbeit",
            "beruflich",
            "primary",
            "primaer",
            "haupt",
            "value",
            "1",
            "2",
            "des",
            "der",
            "die",
            "vom",
            "von",
            "the",
            "of",
            "kontakt",
            "contact",
            "ansprechpartner",
            "ansprechpartners",
            "person",
            "personal");
    /** Words that make a header a property of the field, not the field. */
    private static final Set<String> NOT_THE_FIELD = Set.of(
            "status",
            "datum",
            "date",
            "optin",
            "opt",
            "consent",
            "einwilligung",
            "anzahl",
            "count",
            "id",
            "quelle",
            "source",
            "verified",
            "geprueft",
            "gepruft",
            "bounce",
            "bounced",
            "check",
            "valid",
            "gueltig",
            "typ",
            "type",
            "label",
            "art",
            "erlaubt",
            "sperre",
            "sperrvermerk");

    private HeaderSynonyms() {}

    /** The field a header stands for, by its name alone. */
    public static Optional<Field> field(String header) {
        return Optional.ofNullable(match(header)).map(Match::field);
    }

    /**
     * A header's field and how sure the match is: 3 for a known header, 2 for a known header with
     * qualifiers („Telefon geschäftlich"), 1 for a header that only contains a known one.
     */
    record Match(Field field, int strength) {}

    static Match match(String header) {
        if (header == null) {
            return null;
        }
        List<String> tokens = tokens(header);
        String key = String.join("", tokens);
        Field exact = EXACT.get(key);
        if (exact != null) {
            return new Match(exact, 3);
        }
        String unqualified = String.join(
                "", tokens.stream().filter(t -> !QUALIFIERS.contains(t)).toList());
        exact = EXACT.get(unqualified);
        if (exact != null) {
            return new Match(exact, 2);
        }
        if (tokens.stream().anyMatch(NOT_THE_FIELD::contains)) {
            return null;
        }
        String longest = null;
        for (String synonym : EXACT.keySet()) {
            if (synonym.length() >= 5
                    && key.contains(synonym)
                    && (longest == null || synonym.length() > longest.length())) {
                longest = synonym;
            }
        }
        return longest == null ? null : new Match(EXACT.get(longest), 1);
    }

    /** Lower case, umlauts spelled out, accents dropped, split at everything that is not a letter or digit. */
    static List<String> tokens(String header) {
        String lower = header.strip()
                .toLowerCase(Locale.ROOT)
                .replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue");
        lower = lower.replace("ß", "ss");
        String plain = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return Arrays.stream(TOKEN_SPLIT.split(plain)).filter(t -> !t.isEmpty()).toList();
    }

    private static Map<String, Field> build() {
        Map<String, Field> map = new HashMap<>();
        put(
                map,
                Field.FIRST_NAME,
                "vorname",
                "vornamen",
                "first name",
                "firstname",
                "first",
                "given name",
                "givenname",
                "forename",
                "rufname",
                "vname",
                "prenom");
        put(
                map,
                Field.LAST_NAME,
                "nachname",
                "nachnamen",
                "last name",
                "lastname",
                "last",
                "surname",
                "family name",
                "familyname",
                "familienname",
                "zuname",
                "nname");
        put(
                map,
                Field.FULL_NAME,
                "name",
                "full name",
                "fullname",
                "vollständiger name",
                "voller name",
                "kontakt",
                "kontaktperson",
                "kontaktname",
                "ansprechpartner",
                "ansprechpartnerin",
                "ansprechperson",
                "inhaber",
                "inhaberin",
                "geschäftsführer",
                "geschäftsführerin",
                "contact",
                "contact name",
                "contact person",
                "owner",
                "display name",
                "anzeigename",
                "name, vorname",
                "vor- und nachname",
                "vor- und zuname",
                "name und vorname",
                "person",
                "kunde name");
        put(
                map,
                Field.TITLE,
                "anrede",
                "titel",
                "akad. titel",
                "akademischer titel",
                "salutation",
                "briefanrede",
                "prefix",
                "name prefix",
                "title");
        put(
                map,
                Field.POSITION,
                "position",
                "funktion",
                "rolle",
                "role",
                "job title",
                "jobtitle",
                "jobtitel",
                "beruf",
                "tätigkeit",
                "stellung",
                "job",
                "jobbezeichnung",
                "berufsbezeichnung",
                "organization title",
                "organization 1 title",
                "stelle",
                "headline");
        put(
                map,
                Field.EMAIL,
                "email",
                "e-mail",
                "mail",
                "e-mail-adresse",
                "emailadresse",
                "mailadresse",
                "e-mail adresse",
                "email address",
                "e-mail address",
                "mail address",
                "e-mail 1 value",
                "emails",
                "e-mails",
                "email1",
                "mailto");
        put(
                map,
                Field.PHONE,
                "telefon",
                "tel",
                "tel.",
                "telefonnummer",
                "tel.-nr.",
                "telnr",
                "phone",
                "phone number",
                "mobil",
                "mobilnummer",
                "mobiltelefon",
                "handy",
                "handynummer",
                "mobile",
                "mobile phone",
                "cell",
                "cell phone",
                "fon",
                "rufnummer",
                "durchwahl",
                "direktwahl",
                "telefon durchwahl",
                "phone 1 value",
                "whatsapp",
                "telefon mobil");
        put(
                map,
                Field.INSTAGRAM,
                "instagram",
                "insta",
                "ig",
                "instagram handle",
                "instagram profil",
                "instagram profile",
                "instagram url",
                "instagram username",
                "instagram account",
                "instagram name");
        put(
                map,
                Field.LINKEDIN,
                "linkedin",
                "linkedin url",
                "linkedin profil",
                "linkedin profile",
                "linkedin profile url",
                "linked in",
                "person linkedin url");
        put(
                map,
                Field.NOTES,
                "notiz",
                "notizen",
                "bemerkung",
                "bemerkungen",
                "kommentar",
                "kommentare",
                "anmerkung",
                "anmerkungen",
                "notes",
                "note",
                "comment",
                "comments",
                "beschreibung",
                "description",
                "info",
                "infos",
                "hinweis",
                "hinweise",
                "memo",
                "bio",
                "biografie",
                "about");
        put(
                map,
                Field.COMPANY_NAME,
                "firma",
                "firmenname",
                "unternehmen",
                "unternehmensname",
                "company",
                "company name",
                "companyname",
                "organisation",
                "organization",
                "organisation name",
                "organization name",
                "organization 1 name",
                "betrieb",
                "geschäft",
                "arbeitgeber",
                "kundenname",
                "account",
                "account name",
                "business name",
                "businessname",
                "firmierung",
                "institution",
                "einrichtung",
                "firma name",
                "name der firma",
                "name des unternehmens",
                "brand",
                "marke");
        put(
                map,
                Field.WEBSITE,
                "website",
                "webseite",
                "homepage",
                "internet",
                "internetseite",
                "internetadresse",
                "web",
                "url",
                "www",
                "webadresse",
                "site",
                "website url",
                "domain",
                "web page",
                "webpage",
                "webpräsenz",
                "website 1 value",
                "company website",
                "firmenwebsite",
                "unternehmenswebsite");
        put(
                map,
                Field.COMPANY_PHONE,
                "firmentelefon",
                "telefon firma",
                "telefonzentrale",
                "zentrale",
                "company phone",
                "hauptnummer",
                "telefon unternehmen",
                "unternehmenstelefon",
                "main phone",
                "company phone number",
                "telefon zentrale");
        put(
                map,
                Field.ADDRESS,
                "adresse",
                "anschrift",
                "straße",
                "strasse",
                "str.",
                "str",
                "straße und hausnummer",
                "straße hausnummer",
                "straße nr.",
                "strasse nr",
                "hausnummer",
                "hausnr.",
                "hausnr",
                "nr.",
                "address",
                "street",
                "street address",
                "address 1",
                "address line 1",
                "adresszeile 1",
                "adresse 1 straße",
                "firmenadresse",
                "postanschrift",
                "straße / nr.");
        put(
                map,
                Field.POSTAL_CODE,
                "plz",
                "postleitzahl",
                "zip",
                "zip code",
                "zipcode",
                "postcode",
                "postal code",
                "postalcode",
                "post code");
        put(
                map,
                Field.CITY,
                "ort",
                "stadt",
                "city",
                "wohnort",
                "standort",
                "gemeinde",
                "town",
                "plz ort",
                "plz/ort",
                "plz und ort",
                "ortschaft",
                "locality");
        put(
                map,
                Field.COUNTRY,
                "land",
                "country",
                "staat",
                "land/region",
                "country/region",
                "nation",
                "länderkennung",
                "country code");
        put(
                map,
                Field.CATEGORY,
                "branche",
                "kategorie",
                "kategorien",
                "category",
                "categories",
                "industry",
                "sector",
                "sektor",
                "segment",
                "gewerbe",
                "rubrik",
                "business category",
                "geschäftsfeld",
                "tätigkeitsbereich",
                "fachrichtung",
                "fachgebiet");
        return Map.copyOf(map);
    }

    private static void put(Map<String, Field> map, Field field, String... headers) {
        for (String header : headers) {
            Field previous = map.put(String.join("", tokens(header)), field);
            if (previous != null && previous != field) {
                throw new IllegalStateException(header + " is a synonym of " + previous + " and " + field);
            }
        }
    }
}
