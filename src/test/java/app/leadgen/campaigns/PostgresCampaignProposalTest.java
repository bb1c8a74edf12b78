package app.leadgen.campaigns;

import app.leadgen.testing.OnPostgres;

@OnPostgres
class PostgresCampaignProposalTest extends CampaignProposalTest {}
