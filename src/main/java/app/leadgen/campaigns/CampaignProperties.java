package app.leadgen.campaigns;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The send loop's rules (issue #12, seed 002 §5.4, §11).
 *
 * @param dailyCap {@code DAILY_SEND_CAP}: a new mailbox's sends per 24 hours (Brevo's free 300)
 * @param hourlyCap {@code MAX_EMAILS_PER_HOUR}: a new mailbox's sends per hour
 * @param intervalSeconds {@code EMAIL_SEND_INTERVAL_SECONDS}: a new mailbox's minimum gap between two sends
 * @param domainGapSeconds {@code DOMAIN_GAP_SECONDS}: minimum gap between two mails to one recipient domain
 * @param cooldownDays {@code CONTACT_COOLDOWN_DAYS}: a contact mailed by another campaign within this is skipped
 * @param sendLease a message claimed for sending longer ago than this, without an outcome, is {@code UNKNOWN}
 * @param loop whether this instance runs the send loop's recurring job (tests call it themselves)
 * @param loopSeconds how often the send loop looks at the outbox
 * @param draftAttempts LLM calls per message before its draft is marked failed
 * @param draftConcurrency {@code CAMPAIGN_DRAFT_CONCURRENCY}: contacts drafted at once while preparing
 * @param maxAttempts temporary send failures (4xx, connection) before a message is {@code FAILED}
 * @param retryBackoff the first back-off after a temporary failure (doubles per attempt)
 * @param inbox {@code CAMPAIGN_INBOX}: whether this instance runs the recurring job that reads the
 *     mailboxes' inboxes (IMAP) for replies and bounce reports (tests call it themselves)
 * @param inboxSeconds {@code CAMPAIGN_INBOX_SECONDS}: how often the inboxes are read
 * @param sourceNoticeTemplate {@code SOURCE_NOTICE_TEMPLATE}: the footer notice of campaigns with
 *     {@code sourceNotice} ({@code {source}}, {@code {email}}); empty: {@link SourceNotice#DEFAULT_TEMPLATE}
 */
@ConfigurationProperties("leadgen.campaigns")
record CampaignProperties(
        @DefaultValue("300") int dailyCap,
        @DefaultValue("10") int hourlyCap,
        @DefaultValue("360") int intervalSeconds,
        @DefaultValue("120") int domainGapSeconds,
        @DefaultValue("30") int cooldownDays,
        @DefaultValue("5m") Duration sendLease,
        @DefaultValue("true") boolean loop,
        @DefaultValue("5") int loopSeconds,
        @DefaultValue("3") int draftAttempts,
        @DefaultValue("4") int draftConcurrency,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1m") Duration retryBackoff,
        @DefaultValue("true") boolean inbox,
        @DefaultValue("120") int inboxSeconds,
        String sourceNoticeTemplate) {}
