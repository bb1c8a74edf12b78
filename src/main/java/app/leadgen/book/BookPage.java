package app.leadgen.book;

import java.util.List;

/** A page of contacts or companies and how many match in total. */
public record BookPage<T>(List<T> items, long total, int page, int size) {}
