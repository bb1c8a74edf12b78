package app.leadgen.accounts;

import app.leadgen.testing.OnPostgres;

/** Keys, users and the audit log on PostgreSQL. */
@OnPostgres
class PostgresKeysUsersAuditTest extends KeysUsersAuditTest {}
