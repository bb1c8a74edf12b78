package app.leadgen.accounts;

import app.leadgen.testing.OnPostgres;

/** Login, CSRF, lockout and logout on PostgreSQL. */
@OnPostgres
class PostgresLoginAndCsrfTest extends LoginAndCsrfTest {}
