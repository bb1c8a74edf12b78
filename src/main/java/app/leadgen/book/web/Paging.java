package app.leadgen.book.web;

import app.leadgen.support.ApiProblem;

/** The page and size rules of every list of the lead book, with the leads table's messages. */
final class Paging {

    /** Deeper pages than this are refused: past it, a search or a filter finds faster than paging. */
    static final int MAX_PAGE = 100_000;

    private Paging() {}

    static void check(int page, int size, int maxSize) {
        if (page < 0 || page > MAX_PAGE) {
            throw ApiProblem.badRequest("problem.leads.page");
        }
        if (size < 1 || size > maxSize) {
            throw ApiProblem.badRequest("problem.leads.size", maxSize);
        }
    }
}
