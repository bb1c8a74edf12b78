package app.leadgen.locations;

import app.leadgen.testing.OnPostgres;

/** The locations API on PostgreSQL. */
@OnPostgres
class PostgresLocationApiTest extends LocationApiTest {}
