package app.leadgen.leads;

import java.util.List;

/** A page of the leads table and the number of rows that match in total. */
public record LeadPage(List<LeadRow> items, long total, int page, int size) {}
