package app.leadgen.outreach;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The text part of a mail written as HTML (a campaign's template): the words as a reader sees them,
 * paragraphs and line breaks kept, list items as „- …", a link's address in brackets after its text
 * (a text-only reader can still follow it), no markup, script or style.
 */
public final class HtmlText {

    private static final String BLOCK = "\u0002";

    private HtmlText() {}

    public static String of(String html) {
        Element body = Jsoup.parse(html == null ? "" : html).body();
        body.select("script, style, img").remove();
        // the source's own line breaks and indentation are layout, not text
        for (Element e : body.getAllElements()) {
            for (TextNode t : e.textNodes()) {
                t.text(t.getWholeText().replaceAll("\\s+", " "));
            }
        }
        for (Element a : body.select("a[href]")) {
            String href = a.attr("href").strip();
            if (!href.isEmpty()
                    && !href.startsWith("mailto:")
                    && !a.text().strip().equals(href)) {
                a.appendText(" (" + href + ")");
            }
        }
        for (Element li : body.select("li")) {
            li.prependText("- ");
        }
        for (Element block : body.select("p, div, h1, h2, h3, h4, h5, h6, li, tr, blockquote, ul, ol, table, hr")) {
            block.before(new TextNode(BLOCK));
            block.after(new TextNode(BLOCK));
        }
        // wholeText gives a <br> as a line break itself
        String text = body.wholeText()
                .replaceAll("[ \\t]*(" + BLOCK + "[ \\t]*)+", "\n\n")
                .replaceAll("(?m)^[ \\t]+|[ \\t]+$", "")
                .replaceAll("\\n{3,}", "\n\n");
        return text.strip();
    }
}
