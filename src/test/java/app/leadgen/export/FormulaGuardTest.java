package app.leadgen.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaGuardTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=HYPERLINK(\"http://evil\",\"x\")",
                "=1+1",
                "+49 30 1234",
                "-2+3",
                "@SUM(A1:A2)",
                "\t=cmd|' /C calc'!A0",
                "\r=1+1",
                "=",
            })
    void aCellThatASpreadsheetWouldEvaluateGetsALeadingQuote(String hostile) {
        assertThat(FormulaGuard.neutralise(hostile)).isEqualTo("'" + hostile);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Yoga für alle",
                "a=b",
                "info@studio.de",
                "https://example.org/?a=1",
                "' already quoted",
                "#hashtag",
                " =1+1",
            })
    void ordinaryTextStaysAsItIs(String text) {
        assertThat(FormulaGuard.neutralise(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nothingStaysNothing(String text) {
        assertThat(FormulaGuard.neutralise(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1", "+1", "-1", "@1", "\t1", "\r1"})
    void onlyOneQuoteIsAddedAndTheTextIsKept(String text) {
        String guarded = FormulaGuard.neutralise(text);
        assertThat(guarded).startsWith("'").hasSize(text.length() + 1).endsWith(text);
    }
}
