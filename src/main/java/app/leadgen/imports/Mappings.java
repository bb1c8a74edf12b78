package app.leadgen.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds and repairs column mappings: the synonym mapping (headers, then plain sample values), and
 * the rule that a field taking one value gets one column — of two columns on „email" the one whose
 * header is the better match and whose values are valid stays, the other becomes a custom field.
 * Title, address, notes and category may have several columns (Straße + Hausnummer).
 */
final class Mappings {

    static final Set<Field> JOINABLE = Set.of(Field.TITLE, Field.ADDRESS, Field.NOTES, Field.CATEGORY);

    private Mappings() {}

    /** The mapping by header synonyms and sample values, every header a key (null for custom). */
    static Map<String, Field> bySynonyms(List<String> headers, List<List<String>> samples, String region) {
        Map<String, Field> mapping = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            HeaderSynonyms.Match match = HeaderSynonyms.match(headers.get(i));
            List<String> values = SampleHints.column(samples, i);
            Field field = match == null ? null : match.field();
            if (field == Field.TITLE && !values.isEmpty() && !SampleHints.salutations(values)) {
                field = Field.POSITION; // „Title" in an English export is usually the job title
            }
            if (field != null && match.strength() == 1 && SampleHints.validShare(field, values, region) == 0) {
                field = null; // „Kontakt-E-Mail-Hinweis" whose values are no addresses
            }
            if (field == null) {
                field = SampleHints.recognise(values, region);
            }
            mapping.put(headers.get(i), field);
        }
        return resolve(mapping, headers, samples, region);
    }

    /** Keeps the best column of each single-value field; the others map to null. Order of headers kept. */
    static Map<String, Field> resolve(
            Map<String, Field> mapping, List<String> headers, List<List<String>> samples, String region) {
        Map<Field, List<Integer>> byField = new EnumMap<>(Field.class);
        for (int i = 0; i < headers.size(); i++) {
            Field field = mapping.get(headers.get(i));
            if (field != null) {
                byField.computeIfAbsent(field, f -> new ArrayList<>()).add(i);
            }
        }
        Map<String, Field> resolved = new LinkedHashMap<>();
        for (String header : headers) {
            resolved.put(header, mapping.get(header));
        }
        byField.forEach((field, columns) -> {
            if (columns.size() < 2 || JOINABLE.contains(field)) {
                return;
            }
            int best = columns.get(0);
            double bestScore = score(field, headers.get(best), SampleHints.column(samples, best), region);
            for (int column : columns.subList(1, columns.size())) {
                double score = score(field, headers.get(column), SampleHints.column(samples, column), region);
                if (score > bestScore) {
                    best = column;
                    bestScore = score;
                }
            }
            for (int column : columns) {
                if (column != best) {
                    resolved.put(headers.get(column), null);
                }
            }
        });
        return Collections.unmodifiableMap(resolved);
    }

    /** Header match (0–3) plus twice the share of valid sample values. */
    private static double score(Field field, String header, List<String> values, String region) {
        HeaderSynonyms.Match match = HeaderSynonyms.match(header);
        double headerScore = match != null && match.field() == field ? match.strength() : 0;
        double valid = SampleHints.validShare(field, values, region);
        return headerScore + (valid < 0 ? 0 : 2 * valid);
    }
}
