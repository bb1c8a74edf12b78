package app.leadgen.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What a column's sample values say about it: whether they are valid for a field (a column called
 * „E-Mail" whose values are e-mail addresses is a better e-mail column than „E-Mail 2" full of
 * dashes), and which field a column without a known header plainly is (all values e-mail
 * addresses, LinkedIn URLs, …).
 */
final class SampleHints {

    private static final Pattern PHONE_LIKE = Pattern.compile("^[+0(][0-9 ()/.\\-]{6,}$");
    private static final Pattern POSTAL_CODE = Pattern.compile("^(?:[A-Z]{1,2}-)?\\d{4,5}$");

    private SampleHints() {}

    /** The values of one column in the sample rows, empty cells left out. */
    static List<String> column(List<List<String>> rows, int index) {
        List<String> values = new ArrayList<>();
        for (List<String> row : rows) {
            String value = index < row.size() ? Cells.text(row.get(index)) : null;
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** Share of the values valid for the field, or -1 when the field has no check or there are no values. */
    static double validShare(Field field, List<String> values, String region) {
        Predicate<String> valid = check(field, region);
        if (valid == null || values.isEmpty()) {
            return -1;
        }
        return (double) values.stream().filter(valid).count() / values.size();
    }

    /** The field the values plainly are, or null; needs four of five values to agree. */
    static Field recognise(List<String> values, String region) {
        if (values.isEmpty()) {
            return null;
        }
        for (Field field : List.of(Field.EMAIL, Field.LINKEDIN, Field.INSTAGRAM, Field.WEBSITE, Field.PHONE)) {
            Predicate<String> plain = field == Field.INSTAGRAM
                    ? v -> v.toLowerCase(Locale.ROOT).contains("instagram.com/")
                    : field == Field.WEBSITE
                            ? v -> v.matches("(?i)^(https?://|www\\.).+")
                                    && check(Field.WEBSITE, region).test(v)
                            : field == Field.PHONE
                                    ? v -> PHONE_LIKE.matcher(v).matches()
                                            && check(Field.PHONE, region).test(v)
                                    : check(field, region);
            if (values.stream().filter(plain).count() >= Math.ceil(values.size() * 0.8)) {
                return field;
            }
        }
        return null;
    }

    /** Whether the values are salutations or academic titles (Herr, Frau, Dr., Mr.) rather than job titles. */
    static boolean salutations(List<String> values) {
        return !values.isEmpty()
                && values.stream().filter(v -> Names.title(v.split("\\s+")[0])).count()
                        >= Math.ceil(values.size() * 0.8);
    }

    private static Predicate<String> check(Field field, String region) {
        return switch (field) {
            case EMAIL -> v -> EmailRules.clean(v).email() != null;
            case PHONE, COMPANY_PHONE -> v -> PhoneRules.clean(v, region).number() != null;
            case WEBSITE -> v -> !v.contains("@") && LinkRules.website(v).isPresent();
            case INSTAGRAM -> v -> LinkRules.instagram(v).isPresent();
            case LINKEDIN -> v -> LinkRules.linkedin(v).isPresent();
            case POSTAL_CODE -> v -> POSTAL_CODE.matcher(v).matches();
            case FIRST_NAME, LAST_NAME, FULL_NAME -> v -> !v.matches(".*[@0-9].*");
            default -> null;
        };
    }
}
