package app.leadgen.discovery;

import java.util.List;

/** Port: searches local businesses (Google Places Text Search). */
public interface PlaceSearch {

    /** The most results one query can give (three pages of 20). */
    int MAX_RESULTS = 60;

    /** Told about every request (one per page) and how it ended. */
    @FunctionalInterface
    interface Calls {
        /**
         * @param outcome {@code ok} or the error type of a failed request
         * @return false to stop paging (the run was asked to stop)
         */
        boolean called(String outcome);
    }

    /** False without an API key: no search can be made. */
    boolean configured();

    /**
     * All results of one query, following the result pages up to {@link #MAX_RESULTS}. A failing
     * later page ends the paging and keeps the results so far ({@code calls} hears of the failure).
     *
     * @throws app.leadgen.support.ExternalServiceException when the first page fails, or the
     *     credentials are rejected on any page
     */
    List<PlaceHit> search(PlaceQuery query, Calls calls);
}
