package app.leadgen.campaigns;

import app.leadgen.testing.OnPostgres;

@OnPostgres
class PostgresCampaignSourceNoticeTest extends CampaignSourceNoticeTest {}
