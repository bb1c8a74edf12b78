package app.leadgen.export;

import app.leadgen.testing.OnPostgres;

/** The snapshot read on PostgreSQL, whose REPEATABLE READ differs from H2's in how it is built. */
@OnPostgres
class PostgresLeadPagesTest extends LeadPagesTest {}
