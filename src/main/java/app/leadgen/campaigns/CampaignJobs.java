package app.leadgen.campaigns;

import org.jobrunr.jobs.annotations.Job;
import org.springframework.stereotype.Component;

/** The JobRunr entry points. Public because JobRunr resolves them by class and method name. */
@Component
public class CampaignJobs {

    private final Preparer preparer;
    private final SendLoop loop;
    private final Replies replies;

    CampaignJobs(Preparer preparer, SendLoop loop, Replies replies) {
        this.preparer = preparer;
        this.loop = loop;
        this.replies = replies;
    }

    @Job(name = "Prepare campaign %0", retries = 2)
    public void prepare(long campaignId) {
        preparer.prepare(campaignId);
    }

    @Job(name = "LeadGen campaign send loop", retries = 0)
    public void sendLoop() {
        loop.tick();
    }

    @Job(name = "LeadGen campaign inboxes (replies, bounce reports)", retries = 0)
    public void readInboxes() {
        replies.check();
    }
}
