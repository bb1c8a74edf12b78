package app.leadgen.book;

import app.leadgen.testing.OnPostgres;

/** Key paging, stored company sort keys and the trigram-indexed search on PostgreSQL. */
@OnPostgres
class PostgresBookPagingTest extends BookPagingTest {}
