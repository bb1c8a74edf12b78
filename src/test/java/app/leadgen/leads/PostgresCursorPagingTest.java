package app.leadgen.leads;

import app.leadgen.testing.OnPostgres;

/** Key paging and the duplicate count under concurrent runs on PostgreSQL (row locks, READ COMMITTED). */
@OnPostgres
class PostgresCursorPagingTest extends CursorPagingTest {}
