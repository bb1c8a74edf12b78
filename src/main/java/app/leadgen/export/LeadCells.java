package app.leadgen.export;

import app.leadgen.leads.LeadRow;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * Turns lead rows into the cells every format writes: headers in the user's language, text already
 * neutralised ({@link FormulaGuard}), numbers as {@link Long}, times as {@link LocalDateTime} in
 * the export's zone (to the second), empty values as null. One place, so CSV, Excel and Sheets cannot drift apart.
 */
final class LeadCells {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;

    LeadCells(MessageSource messages, Locale locale, ZoneId zone) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
    }

    /** Excel column widths in characters, one per {@link LeadColumn}. */
    static int[] widths() {
        return java.util.Arrays.stream(LeadColumn.values())
                .mapToInt(c -> c.width)
                .toArray();
    }

    List<String> headers() {
        List<String> headers = new ArrayList<>();
        for (LeadColumn column : LeadColumn.values()) {
            headers.add(messages.getMessage(column.headerKey, null, locale));
        }
        return headers;
    }

    /** One entry per {@link LeadColumn}: a String, Long, Double, LocalDateTime or null. */
    List<Object> cells(LeadRow row) {
        List<Object> cells = new ArrayList<>(LeadColumn.values().length);
        for (LeadColumn column : LeadColumn.values()) {
            cells.add(cell(column.value.apply(row)));
        }
        return cells;
    }

    /** A cell as text, for CSV and Sheets: times as {@code 2026-11-22 14:03:05}, empty as "". */
    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        return cell instanceof LocalDateTime time ? TIME.format(time) : cell.toString();
    }

    /** One value as a cell: text guarded, times in the export's zone, yes/no in the reader's language. */
    Object cell(Object value) {
        if (value instanceof String s) {
            return s.isEmpty() ? null : FormulaGuard.neutralise(s);
        }
        if (value instanceof Instant instant) {
            // to the second, as the CSV shows it, so an Excel date holds the same value
            return LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.SECONDS);
        }
        if (value instanceof Boolean b) {
            return messages.getMessage(b ? "export.yes" : "export.no", null, locale);
        }
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue(); // a Google rating such as 4.6
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        return value;
    }
}
