package app.leadgen.products;

import app.leadgen.testing.OnPostgres;

/** The product catalogue on PostgreSQL. */
@OnPostgres
class PostgresProductApiTest extends ProductApiTest {}
