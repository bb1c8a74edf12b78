package app.leadgen.tracking;

import app.leadgen.testing.OnPostgres;

/** The erase and the event writers meeting on PostgreSQL ({@code for key share}). */
@OnPostgres
class PostgresEraseWhileWritingTest extends EraseWhileWritingTest {}
