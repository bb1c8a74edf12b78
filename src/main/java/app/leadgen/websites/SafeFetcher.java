package app.leadgen.websites;

import java.net.URI;

/**
 * Fetches one page of a prospect's website. Prospect websites are hostile input: an
 * implementation never connects to a private, loopback or link-local address (also not after a
 * redirect or a DNS answer), follows redirects itself within a limit, and caps time and size. It
 * never throws for anything the site does; every outcome is a {@link FetchResult}.
 */
public interface SafeFetcher {

    FetchResult fetch(URI url);
}
