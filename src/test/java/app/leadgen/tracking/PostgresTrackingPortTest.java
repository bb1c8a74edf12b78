package app.leadgen.tracking;

import app.leadgen.testing.OnPostgres;

/** The tracking port on PostgreSQL. */
@OnPostgres
class PostgresTrackingPortTest extends TrackingPortTest {}
