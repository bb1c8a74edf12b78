package app.leadgen.websites;

import app.leadgen.websites.extract.PageReader;
import java.net.URI;

/**
 * Reads contacts out of one HTML page. Pure: no I/O, the same page always gives the same answer.
 * Numbers written without a country code are read as numbers of {@code phoneRegion} (DE).
 */
public final class ContactExtractor {

    private final String phoneRegion;

    public ContactExtractor(String phoneRegion) {
        this.phoneRegion = phoneRegion;
    }

    public PageContacts extract(String html, URI pageUrl) {
        return PageReader.read(html, pageUrl, phoneRegion);
    }
}
