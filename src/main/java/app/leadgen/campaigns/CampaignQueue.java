package app.leadgen.campaigns;

import java.time.Duration;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Enqueues preparing jobs and registers the send loop's recurring job (any instance may run either). */
@Component
class CampaignQueue {

    static final String LOOP_ID = "leadgen-campaign-send-loop";

    private final JobScheduler jobs;
    private final CampaignProperties properties;

    CampaignQueue(JobScheduler jobs, CampaignProperties properties) {
        this.jobs = jobs;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        if (properties.loop()) {
            jobs.<CampaignJobs>scheduleRecurrently(
                    LOOP_ID, Duration.ofSeconds(Math.max(5, properties.loopSeconds())), j -> j.sendLoop());
        } else {
            jobs.deleteRecurringJob(LOOP_ID);
        }
    }

    void prepare(long campaignId) {
        jobs.<CampaignJobs>enqueue(j -> j.prepare(campaignId));
    }
}
