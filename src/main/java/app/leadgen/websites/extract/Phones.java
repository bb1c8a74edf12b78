package app.leadgen.websites.extract;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Phone numbers in E.164 ({@code +49301234567}) via libphonenumber. */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** "Fax:" or "Telefax" right before a number: not a number to call. "Tel./Fax" is both. */
    private static final Pattern FAX_LABEL =
            Pattern.compile("(?i)(?:tele)?fax[\\s.:()\\-]*(?:\\(\\s*\\d*\\s*\\))?\\s*$");

    private static final Pattern PHONE_AND_FAX_LABEL =
            Pattern.compile("(?i)(?:tel|fon|phone)[^\\d]{0,6}(?:/|&|und|and)\\s*(?:tele)?fax");

    /** Labels of numbers that are not phone numbers but can look like one (Steuernummer 012/345/67890). */
    private static final Pattern NOT_A_PHONE_LABEL = Pattern.compile(
            "(?i)(?:iban|bic|blz|konto|steuer|st\\.?-?nr|ust|ust-?id|hrb|hra|register|amtsgericht|handelsregister|kunden-?nr|bestell)");

    private Phones() {}

    /**
     * Numbers in visible text. A match must start with {@code +}, {@code 00} or the trunk prefix
     * {@code 0}: German numbers are always written that way, and it keeps postcodes and register
     * numbers out. Numbers labelled as fax, tax or bank numbers are skipped.
     */
    public static List<String> inText(String text, String region) {
        List<String> found = new ArrayList<>();
        for (PhoneNumberMatch match : UTIL.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            String raw = match.rawString().replace("(", "").trim();
            if (!raw.startsWith("+") && !raw.startsWith("0")) {
                continue;
            }
            String before = text.substring(Math.max(0, match.start() - 30), match.start());
            String label = before.toLowerCase(Locale.ROOT);
            if (isFax(label) || NOT_A_PHONE_LABEL.matcher(lastLabel(label)).find()) {
                continue;
            }
            String e164 = UTIL.format(match.number(), PhoneNumberFormat.E164);
            if (!found.contains(e164)) {
                found.add(e164);
            }
        }
        return found;
    }

    /** One number as written in a {@code tel:} link or JSON-LD; empty unless it is a valid number. */
    public static Optional<String> parse(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String value = Emails.percentDecode(raw.trim());
        if (value.regionMatches(true, 0, "tel:", 0, 4)) {
            value = value.substring(4);
        } else if (value.regionMatches(true, 0, "callto:", 0, 7)) {
            value = value.substring(7);
        }
        try {
            PhoneNumber number = UTIL.parse(value, region);
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static boolean isFax(String before) {
        return FAX_LABEL.matcher(before).find()
                && !PHONE_AND_FAX_LABEL.matcher(before).find();
    }

    /** The text after the last digit before the number: the label that belongs to this number. */
    private static String lastLabel(String before) {
        int i = before.length();
        while (i > 0 && !Character.isDigit(before.charAt(i - 1))) {
            i--;
        }
        return before.substring(i);
    }
}
