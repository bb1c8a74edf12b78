package app.leadgen.leads;

import java.util.List;

/**
 * A page of the leads table and the number of rows that match in total ({@code totalIsEstimate}:
 * more than 10,000, estimated). {@code next}: the cursor of the page after this one, null on the last.
 */
public record LeadPage(List<LeadRow> items, long total, int page, int size, String next, boolean totalIsEstimate) {}
