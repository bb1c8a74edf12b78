package app.leadgen.campaigns;

import app.leadgen.testing.OnPostgres;

@OnPostgres
class PostgresMailboxApiTest extends MailboxApiTest {}
