package app.leadgen.imports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Addresses written in one cell: „Hauptstraße 1, 10115 Berlin" or on two lines become street,
 * postal code and city; a city cell „10115 Berlin" (a "PLZ/Ort" column) gives the postal code too.
 * Four- and five-digit codes with an optional country prefix ({@code D-}, {@code A-}, {@code CH-}).
 */
final class Addresses {

    private static final Pattern STREET_POSTAL_CITY =
            Pattern.compile("^(.+?)\\s*(?:,|\\R)\\s*(?:[A-Z]{1,2}-)?(\\d{4,5})\\s+(\\p{L}[\\p{L}\\p{M} .'/()-]*)$");
    /** Without a comma only a five-digit code after a house number: „Hauptstr. 1a 10115 Berlin". */
    private static final Pattern STREET_NUMBER_POSTAL_CITY =
            Pattern.compile("^(.+?\\d+\\s*[a-zA-Z]?)\\s+(\\d{5})\\s+(\\p{L}[\\p{L}\\p{M} .'/()-]*)$");

    private static final Pattern POSTAL_CITY =
            Pattern.compile("^(?:[A-Z]{1,2}-)?(\\d{4,5})\\s+(\\p{L}[\\p{L}\\p{M} .'/()-]*)$");

    record Parts(String street, String postalCode, String city) {}

    private Addresses() {}

    /** Street, postal code and city of a whole address; null when the cell is not one. */
    static Parts split(String address) {
        Matcher m = STREET_POSTAL_CITY.matcher(address.strip());
        if (!m.matches()) {
            m = STREET_NUMBER_POSTAL_CITY.matcher(address.strip());
        }
        return m.matches() ? new Parts(Cells.line(m.group(1)), m.group(2), Cells.line(m.group(3))) : null;
    }

    /** Postal code and city of „10115 Berlin"; null when the cell is only a city. */
    static Parts postalCity(String city) {
        Matcher m = POSTAL_CITY.matcher(city.strip());
        return m.matches() ? new Parts(null, m.group(1), Cells.line(m.group(2))) : null;
    }
}
