package app.leadgen.book;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A sort as the API spells it ({@code field,asc|desc}), resolved against a fixed list of SQL columns. */
record Sort(String column, boolean ascending) {

    static Optional<Sort> parse(String text, Map<String, String> columns) {
        String[] parts = (text == null ? "" : text).split(",", -1);
        String field = parts[0].strip();
        String direction = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
        String column = columns.get(field);
        if (column == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            return Optional.empty();
        }
        return Optional.of(new Sort(column, direction.equals("asc")));
    }

    /** The ORDER BY clause; the id breaks ties so paging is stable. */
    String orderBy(String idColumn) {
        String dir = ascending ? " asc" : " desc";
        return " order by " + column + dir + " nulls last, " + idColumn + dir;
    }
}
