package app.leadgen.export;

/**
 * Keeps spreadsheet programs from running scraped text as a formula (CSV/formula injection): a
 * text starting with {@code = + - @}, tab or carriage return gets a leading {@code '}, as OWASP
 * recommends. The quote shows in the cell, which is the price of never evaluating a bio such as
 * {@code =HYPERLINK("http://evil","x")}; it also hits phone numbers written {@code +49…}.
 */
final class FormulaGuard {

    private FormulaGuard() {}

    static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
