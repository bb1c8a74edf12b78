package app.leadgen.websites;

import java.net.URI;

/** What fetching one page gave. {@link #url()} is the hop where it ended (after redirects). */
public sealed interface FetchResult {

    URI url();

    Outcome outcome();

    /** One line for error lists: the reason, the status, the limit. */
    String detail();

    /** The outcomes as one word, for error lists and for the qualification of a website. */
    enum Outcome {
        OK,
        BLOCKED,
        HTTP_ERROR,
        TIMEOUT,
        TOO_LARGE,
        UNSUPPORTED,
        UNKNOWN_HOST,
        FAILED,
        CANCELLED
    }

    /** A 2xx text page, decoded with the charset of its header, BOM or meta tag. */
    record Ok(URI url, int status, String contentType, String body) implements FetchResult {
        @Override
        public Outcome outcome() {
            return Outcome.OK;
        }

        @Override
        public String detail() {
            return "HTTP " + status;
        }
    }

    /** Not fetched because the target is not allowed (private address, scheme, port, …). */
    record Blocked(URI url, String reason) implements FetchResult {
        @Override
        public Outcome outcome() {
            return Outcome.BLOCKED;
        }

        @Override
        public String detail() {
            return reason;
        }
    }

    /** A 4xx/5xx answer, or a redirect without a usable {@code Location}. */
    record HttpError(URI url, int status) implements FetchResult {
        @Override
        public Outcome outcome() {
            return Outcome.HTTP_ERROR;
        }

        @Override
        public String detail() {
            return "HTTP " + status;
        }
    }

    /** Connect, read or page deadline passed. */
    record Timeout(URI url) implements FetchResult {
        @Override
        public Outcome outcome() {
            return Outcome.TIMEOUT;
        }

        @Override
        public String detail() {
            return "no answer in time";
        }
    }

    /** The body was longer than the limit; reading stopped there and the connection was dropped. */
    record TooLarge(URI url, long limitBytes) implements FetchResult {
        @Override
        public Outcome outcome() {
            return Outcome.TOO_LARGE;
        }

        @Override
        public String detail() {
            return "larger than " + limitBytes + " bytes";
        }
    }

    /** Not a text page (image, PDF, …); the body was not read. */
    record Unsupported(URI url, String contentType) implements FetchResult {
        @Override
        public Outcome outcome() {
            return Outcome.UNSUPPORTED;
        }

        @Override
        public String detail() {
            return "content type " + contentType;
        }
    }

    /** The host name does not resolve. For qualification: the domain does not exist (any more). */
    record UnknownHost(URI url) implements FetchResult {
        @Override
        public Outcome outcome() {
            return Outcome.UNKNOWN_HOST;
        }

        @Override
        public String detail() {
            return "host not found";
        }
    }

    /** Anything else: connection refused, TLS error, too many redirects, malformed URL. */
    record Failed(URI url, String reason) implements FetchResult {
        @Override
        public Outcome outcome() {
            return Outcome.FAILED;
        }

        @Override
        public String detail() {
            return reason;
        }
    }

    /**
     * Aborted by an emergency stop of the run this read belongs to (its connection was closed):
     * says nothing about the site, so it is never scored or stored.
     */
    record Cancelled(URI url) implements FetchResult {
        @Override
        public Outcome outcome() {
            return Outcome.CANCELLED;
        }

        @Override
        public String detail() {
            return "cancelled by an emergency stop";
        }
    }
}
