package app.leadgen.book;

import app.leadgen.testing.OnPostgres;

/** The lead book's identity and merge rules, list and corrections on PostgreSQL. */
@OnPostgres
class PostgresLeadBookTest extends LeadBookTest {}
