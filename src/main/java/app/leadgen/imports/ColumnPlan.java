package app.leadgen.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which columns feed which field, worked out once per import from the header and the mapping. A
 * column the mapping does not name, or names with {@code null}, is a custom column; a mapping key
 * that is not a column is ignored.
 */
final class ColumnPlan {

    private static final int[] NONE = new int[0];

    final List<String> header;
    private final Map<Field, int[]> columns = new EnumMap<>(Field.class);
    final int[] customColumns;

    ColumnPlan(List<String> header, Map<String, Field> mapping) {
        this.header = List.copyOf(header);
        Map<Field, List<Integer>> byField = new EnumMap<>(Field.class);
        List<Integer> custom = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            Field field = mapping.get(header.get(i));
            if (field == null) {
                custom.add(i);
            } else {
                byField.computeIfAbsent(field, f -> new ArrayList<>()).add(i);
            }
        }
        byField.forEach((field, list) ->
                columns.put(field, list.stream().mapToInt(Integer::intValue).toArray()));
        this.customColumns = custom.stream().mapToInt(Integer::intValue).toArray();
    }

    int[] columns(Field field) {
        return columns.getOrDefault(field, NONE);
    }

    String name(int column) {
        return column < header.size() ? header.get(column) : "Spalte " + (column + 1);
    }
}
