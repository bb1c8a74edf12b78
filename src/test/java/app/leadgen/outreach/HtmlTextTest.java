package app.leadgen.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text part made from a mail's HTML: what a reader sees, links spelled out, no markup. */
class HtmlTextTest {

    @Test
    void paragraphsBreaksListsAndLinksBecomeText() {
        String html =
                """
                <!DOCTYPE html><html><head><style>p { color: red }</style></head><body>
                  <p>Hallo   Frau
                     Müller,</p>
                  <p>unser <b>Angebot</b>:<br>drei Seiten<br/>ein Preis</p>
                  <ul><li>schnell</li><li>günstig</li></ul>
                  <p>Mehr unter <a href="https://agentur.example/angebot">unserer Seite</a>,
                     <a href="https://agentur.example">https://agentur.example</a> oder
                     <a href="mailto:info@agentur.example">info@agentur.example</a>.</p>
                  <img src="https://agentur.example/track/open/x" width="1" height="1" alt="">
                  <script>alert(1)</script>
                </body></html>
                """;

        assertThat(HtmlText.of(html))
                .isEqualTo("Hallo Frau Müller,\n\n"
                        + "unser Angebot:\ndrei Seiten\nein Preis\n\n"
                        + "- schnell\n\n- günstig\n\n"
                        + "Mehr unter unserer Seite (https://agentur.example/angebot), https://agentur.example oder"
                        + " info@agentur.example.");
    }

    @Test
    void nothingGivesNothing() {
        assertThat(HtmlText.of(null)).isEmpty();
        assertThat(HtmlText.of("<p> </p>")).isEmpty();
    }
}
