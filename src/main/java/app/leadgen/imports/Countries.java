package app.leadgen.imports;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The region code (ISO 3166 alpha-2) of a country as people write it in a CSV file: the code
 * itself ({@code AT}, {@code AUT}), its German or English name ({@code Österreich}, {@code Austria})
 * or a common alias ({@code BRD}, {@code UK}, {@code USA}). Phone numbers of a row without a country
 * code are read as numbers of the row's country, when it has one.
 */
final class Countries {

    private static final Map<String, String> REGIONS = build();

    private Countries() {}

    /** The region, or null when the text names no country we know. */
    static String region(String country) {
        return country == null ? null : REGIONS.get(key(country));
    }

    private static Map<String, String> build() {
        Map<String, String> regions = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale locale = new Locale("", code);
            regions.put(key(code), code);
            try {
                regions.put(key(locale.getISO3Country()), code);
            } catch (java.util.MissingResourceException e) {
                // a region without a three-letter code: the two-letter code and the names suffice
            }
            regions.put(key(locale.getDisplayCountry(Locale.GERMAN)), code);
            regions.put(key(locale.getDisplayCountry(Locale.ENGLISH)), code);
        }
        String[][] aliases = {
            {"brd", "DE"},
            {"bundesrepublik deutschland", "DE"},
            {"deutschland", "DE"},
            {"germany", "DE"},
            {"d", "DE"},
            {"a", "AT"},
            {"ch", "CH"},
            {"schweiz", "CH"},
            {"switzerland", "CH"},
            {"uk", "GB"},
            {"england", "GB"},
            {"great britain", "GB"},
            {"grossbritannien", "GB"},
            {"united kingdom", "GB"},
            {"usa", "US"},
            {"us", "US"},
            {"vereinigte staaten", "US"},
            {"united states of america", "US"},
            {"holland", "NL"},
            {"niederlande", "NL"}
        };
        for (String[] alias : aliases) {
            regions.put(key(alias[0]), alias[1]);
        }
        return Map.copyOf(regions);
    }

    /** Lower case, without accents and punctuation: "Österreich" and "Oesterreich" and "osterreich" meet. */
    private static String key(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT).replace("ß", "ss");
        lower = lower.replace("ä", "a").replace("ö", "o").replace("ü", "u");
        lower = lower.replace("ae", "a").replace("oe", "o").replace("ue", "u");
        String plain = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replaceAll("[^a-z0-9]", "");
    }
}
