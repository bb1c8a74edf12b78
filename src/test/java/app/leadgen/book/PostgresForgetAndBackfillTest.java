package app.leadgen.book;

import app.leadgen.testing.OnPostgres;

/** Forgetting and the backfill on PostgreSQL. */
@OnPostgres
class PostgresForgetAndBackfillTest extends ForgetAndBackfillTest {}
