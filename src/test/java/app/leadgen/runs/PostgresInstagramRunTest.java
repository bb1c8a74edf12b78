package app.leadgen.runs;

import app.leadgen.testing.OnPostgres;

/** The whole Instagram flow, JobRunr included, on PostgreSQL. */
@OnPostgres
class PostgresInstagramRunTest extends InstagramRunTest {}
