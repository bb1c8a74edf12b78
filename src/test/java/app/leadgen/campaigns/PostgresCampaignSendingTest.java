package app.leadgen.campaigns;

import app.leadgen.testing.OnPostgres;

@OnPostgres
class PostgresCampaignSendingTest extends CampaignSendingTest {}
