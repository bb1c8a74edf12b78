-- Reply and bounce detection (issue #12): a mailbox may have an IMAP inbox whose new mails are read
-- by a recurring job; a reply to one of our Message-IDs marks the contact replied, a delivery status
-- notification (DSN) a hard bounce. The password is sealed with SECRET_KEY like the SMTP one.
-- At the end: the campaigns' optional source notice (GDPR Art. 14).
alter table mailboxes add column imap_host varchar(255);
alter table mailboxes add column imap_port integer;
-- ssl | starttls | none
alter table mailboxes add column imap_security varchar(10);
alter table mailboxes add column imap_username varchar(320);
alter table mailboxes add column imap_password_sealed varchar(2000);
-- the inbox's UIDVALIDITY and the highest UID read: only mails after it are read next time
alter table mailboxes add column imap_uid_validity bigint;
alter table mailboxes add column imap_last_uid bigint;
-- the last look at the inbox, and what went wrong then (null: it worked); never a password
alter table mailboxes add column imap_checked_at timestamp with time zone;
alter table mailboxes add column imap_error varchar(500);

-- a reply names our Message-ID in In-Reply-To or References
create index ix_campaign_messages_message_id on campaign_messages (message_id);

-- GDPR Art. 14: the campaign's mails say in their footer where the recipient's address was found
alter table campaigns add column source_notice boolean default false not null;
