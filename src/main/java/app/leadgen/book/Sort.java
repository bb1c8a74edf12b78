package app.leadgen.book;

import app.leadgen.support.Keyset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A sort as the API spells it ({@code field,asc|desc}), resolved against a fixed list of stored
 * columns; {@code text} is its normal spelling (what a cursor is bound to).
 */
record Sort(Keyset.Column column, boolean ascending, String text) {

    static Optional<Sort> parse(String text, Map<String, Keyset.Column> columns) {
        String[] parts = (text == null ? "" : text).split(",", -1);
        String field = parts[0].strip();
        String direction = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
        Keyset.Column column = columns.get(field);
        if (column == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            return Optional.empty();
        }
        return Optional.of(new Sort(column, direction.equals("asc"), field + "," + direction));
    }
}
