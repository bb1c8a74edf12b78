/**
 * Campaigns (issue #12): mailboxes (SMTP with sealed credentials, the environment's SMTP and Gmail
 * accounts) with caps and an interval, campaigns over an audience of lead-book contacts with steps
 * (template or AI), preparing their messages in a JobRunr job, and the send loop: a recurring JobRunr
 * job over the outbox table {@code campaign_messages} that claims each message with a compare-and-set
 * UPDATE before it is sent, keeps caps, interval and the per-domain gap in the database (so they hold
 * across instances), skips what must not be sent and never resends a message whose outcome is unknown.
 * A second recurring job reads the mailboxes' inboxes over IMAP: replies to our Message-IDs mark the
 * contact replied, delivery status notifications of a permanent failure are hard bounces.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Campaigns",
        allowedDependencies = {
            "accounts",
            "ai",
            "book",
            "outreach",
            "products",
            "proposal",
            "suppressions",
            "support",
            "tracking"
        })
package app.leadgen.campaigns;
