package app.leadgen.book;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** The {@code sources} column: the origins that contributed to a row, comma-separated, each once. */
final class Origins {

    private Origins() {}

    static String add(String current, Origin origin) {
        Set<String> all = new LinkedHashSet<>();
        if (current != null && !current.isBlank()) {
            all.addAll(Arrays.asList(current.split(",")));
        }
        all.add(origin.value());
        return String.join(",", all);
    }
}
