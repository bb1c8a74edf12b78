package app.leadgen.suppressions;

import app.leadgen.testing.OnPostgres;

/** The suppression list on PostgreSQL. */
@OnPostgres
class PostgresSuppressionsTest extends SuppressionsTest {}
