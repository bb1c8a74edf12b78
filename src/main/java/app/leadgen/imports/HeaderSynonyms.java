package app.leadgen.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * HubSpot, LinkedIn, scrapers) and the field each stands for; the list is the resource
 * {@code imports/header-synonyms.txt}. Headers are compared without case,
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

    /** Reads {@code imports/header-synonyms.txt}: {@code [fieldName]} lines, then one header per line. */
    private static Map<String, Field> build() {
        Map<String, Field> map = new HashMap<>();
        String text;
        try (InputStream in = HeaderSynonyms.class.getResourceAsStream("/imports/header-synonyms.txt")) {
            if (in == null) {
                throw new IllegalStateException("imports/header-synonyms.txt is missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Field field = null;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String name = line.substring(1, line.length() - 1);
                field = Field.fromJson(name).orElseThrow(() -> new IllegalStateException("unknown field " + name));
            } else if (field != null) {
                put(map, field, line);
            }
        }
        return Map.copyOf(map);
    }

    private static void put(Map<String, Field> map, Field field, String header) {
        Field previous = map.put(String.join("", tokens(header)), field);
        if (previous != null && previous != field) {
            throw new IllegalStateException(header + " is a synonym of " + previous + " and " + field);
        }
    }
}
