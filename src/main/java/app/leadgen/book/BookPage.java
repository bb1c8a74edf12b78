package app.leadgen.book;

import java.util.List;

/**
 * A page of contacts or companies and how many match in total ({@code totalIsEstimate}: more than
 * 10,000, estimated). {@code next}: the cursor of the page after this one, null on the last.
 */
public record BookPage<T>(List<T> items, long total, int page, int size, String next, boolean totalIsEstimate) {}
