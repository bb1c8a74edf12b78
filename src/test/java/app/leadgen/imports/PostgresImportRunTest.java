package app.leadgen.imports;

import app.leadgen.testing.OnPostgres;

/** CSV imports through the API on PostgreSQL (the file in bytea pieces, the batch merge). */
@OnPostgres
class PostgresImportRunTest extends ImportRunTest {}
