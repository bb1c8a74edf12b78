package app.leadgen.imports;

import app.leadgen.websites.ContactValues;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone cells in E.164 through libphonenumber (the websites module's rules), with what
 * spreadsheets do to numbers: a label in the cell ({@code Tel.: 030 …}), Excel's text mark
 * ({@code '+49…}), a number stored as a number, which loses its leading {@code +} or {@code 0}
 * ({@code 4930123456}, {@code 1701234567}), two numbers in one cell (the first is taken). A number
 * Excel wrote in scientific notation ({@code 4,9301E+11}) has lost digits and is refused.
 */
final class PhoneRules {

    private static final Pattern LABEL = Pattern.compile(
            "(?iu)^(?:tel(?:efon)?|fon|phone|mobil(?:telefon)?|handy|mobile|cell|t|m)\\s*[.:]?\\s*:?\\s*(?=[+(0-9])");
    private static final Pattern SCIENTIFIC = Pattern.compile("^[0-9]+(?:[.,][0-9]+)?[eE][+]?[0-9]+$");
    private static final Pattern DIGITS_ONLY = Pattern.compile("^[1-9][0-9]{6,14}$");

    private PhoneRules() {}

    /**
     * @param number E.164, or null
     * @param invalid whether the cell had text that is no valid number
     * @param more whether the cell held more than the one number taken
     */
    record Result(String number, boolean invalid, boolean more) {}

    static Result clean(String cell, String region) {
        String text = Cells.line(cell);
        if (text == null) {
            return new Result(null, false, false);
        }
        String value = text.startsWith("'") ? text.substring(1).strip() : text;
        value = LABEL.matcher(value).replaceFirst("");
        if (SCIENTIFIC.matcher(value).matches()) {
            return new Result(null, true, false);
        }
        Optional<String> whole = ContactValues.phone(value, region);
        if (whole.isPresent()) {
            return new Result(whole.get(), false, false);
        }
        if (DIGITS_ONLY.matcher(value).matches()) {
            Optional<String> repaired = lostPrefix(value, region);
            if (repaired.isPresent()) {
                return new Result(repaired.get(), false, false);
            }
        }
        List<String> inText = ContactValues.phonesInText(value, region);
        if (!inText.isEmpty()) {
            return new Result(inText.get(0), false, inText.size() > 1);
        }
        return new Result(null, true, false);
    }

    /** Digits that lost their {@code +} or trunk {@code 0}: starting with the region's country code, the plus first. */
    private static Optional<String> lostPrefix(String digits, String region) {
        String countryCode = String.valueOf(PhoneNumberUtil.getInstance().getCountryCodeForRegion(region));
        Optional<String> plus = ContactValues.phone("+" + digits, region);
        Optional<String> zero = ContactValues.phone("0" + digits, region);
        if (digits.startsWith(countryCode) && plus.isPresent()) {
            return plus;
        }
        return zero.isPresent() ? zero : plus;
    }
}
