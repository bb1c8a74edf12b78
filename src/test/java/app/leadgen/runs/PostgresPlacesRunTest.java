package app.leadgen.runs;

import app.leadgen.testing.OnPostgres;

/** The Places runs, JobRunr and the V8 migration included, on PostgreSQL. */
@OnPostgres
class PostgresPlacesRunTest extends PlacesRunTest {}
