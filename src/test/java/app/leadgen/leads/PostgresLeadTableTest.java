package app.leadgen.leads;

import app.leadgen.testing.OnPostgres;

/** The same table tests on PostgreSQL: migrations and queries must work on both databases. */
@OnPostgres
class PostgresLeadTableTest extends LeadTableTest {}
