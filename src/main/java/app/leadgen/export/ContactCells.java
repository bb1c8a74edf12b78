package app.leadgen.export;

import app.leadgen.book.ContactItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.MessageSource;

/** The lead book's contacts as export cells: the columns of the contacts page, in its order. */
final class ContactCells {

    private enum Column {
        NAME("contacts.col.name", 26, ContactItem::fullName),
        EMAIL("contacts.col.email", 30, ContactItem::email),
        PHONE("contacts.col.phone", 18, ContactItem::phone),
        COMPANY("contacts.col.company", 28, ContactItem::companyName),
        CITY("contacts.col.city", 16, ContactItem::city),
        POSITION("contacts.col.position", 20, ContactItem::position),
        INSTAGRAM("contacts.col.instagram", 20, ContactItem::instagram),
        WEBSITE("contacts.col.website", 30, ContactItem::website),
        STATUS("contacts.col.status", 14, ContactItem::status),
        SOURCES("contacts.col.sources", 20, c -> String.join(", ", c.sources())),
        TAGS("contacts.col.tags", 20, c -> String.join(", ", c.tags())),
        UPDATED("contacts.col.updatedAt", 20, ContactItem::updatedAt);

        final String headerKey;
        final int width;
        final Function<ContactItem, Object> value;

        Column(String headerKey, int width, Function<ContactItem, Object> value) {
            this.headerKey = headerKey;
            this.width = width;
            this.value = value;
        }
    }

    private final MessageSource messages;
    private final Locale locale;
    private final LeadCells cells;

    ContactCells(MessageSource messages, Locale locale, LeadCells cells) {
        this.messages = messages;
        this.locale = locale;
        this.cells = cells;
    }

    List<String> headers() {
        List<String> headers = new ArrayList<>();
        for (Column c : Column.values()) {
            headers.add(messages.getMessage(c.headerKey, null, locale));
        }
        return headers;
    }

    static int[] widths() {
        return java.util.Arrays.stream(Column.values()).mapToInt(c -> c.width).toArray();
    }

    /** Text guarded against formulas, times in the export's zone, as the leads export writes them. */
    List<Object> cells(ContactItem contact) {
        List<Object> out = new ArrayList<>(Column.values().length);
        for (Column c : Column.values()) {
            out.add(cells.cell(c.value.apply(contact)));
        }
        return out;
    }
}
