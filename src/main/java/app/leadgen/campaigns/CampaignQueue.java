package app.leadgen.campaigns;

import java.time.Duration;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Enqueues preparing jobs and registers the recurring jobs of the send loop and of the inboxes
 * (replies, bounce reports); any instance may run any of them.
 */
@Component
class CampaignQueue {

    static final String LOOP_ID = "leadgen-campaign-send-loop";
    static final String INBOX_ID = "leadgen-campaign-inboxes";

    private final JobScheduler jobs;
    private final CampaignProperties properties;
    private final ObjectProvider<BackgroundJobServer> server;

    CampaignQueue(JobScheduler jobs, CampaignProperties properties, ObjectProvider<BackgroundJobServer> server) {
        this.jobs = jobs;
        this.properties = properties;
        this.server = server;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        if (properties.loop()) {
            jobs.<CampaignJobs>scheduleRecurrently(
                    LOOP_ID, Duration.ofSeconds(Math.max(5, properties.loopSeconds())), j -> j.sendLoop());
        } else {
            jobs.deleteRecurringJob(LOOP_ID);
        }
        if (properties.inbox()) {
            jobs.<CampaignJobs>scheduleRecurrently(
                    INBOX_ID, Duration.ofSeconds(Math.max(5, properties.inboxSeconds())), j -> j.readInboxes());
        } else {
            jobs.deleteRecurringJob(INBOX_ID);
        }
    }

    void prepare(long campaignId) {
        jobs.<CampaignJobs>enqueue(j -> j.prepare(campaignId));
        BackgroundJobServer local = server.getIfAvailable();
        if (local != null && local.isRunning()) {
            try {
                // as RunQueue does: a free worker looks for the job now, not at the next poll
                local.getJobSteward().notifyThreadOccupied();
                local.getJobSteward().notifyThreadIdle();
            } catch (RuntimeException e) {
                // it starts at the next poll
            }
        }
    }
}
