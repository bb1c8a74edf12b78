package app.leadgen.campaigns;

import app.leadgen.testing.OnPostgres;

@OnPostgres
class PostgresCampaignRepliesTest extends CampaignRepliesTest {}
