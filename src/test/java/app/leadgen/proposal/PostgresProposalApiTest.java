package app.leadgen.proposal;

import app.leadgen.testing.OnPostgres;

/** The proposal's settings and preview on PostgreSQL. */
@OnPostgres
class PostgresProposalApiTest extends ProposalApiTest {}
