package app.leadgen.tracking;

import app.leadgen.testing.OnPostgres;

/** Tracking and unsubscribing on PostgreSQL. */
@OnPostgres
class PostgresTrackingTest extends TrackingTest {}
