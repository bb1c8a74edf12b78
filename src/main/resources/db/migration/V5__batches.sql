-- Enrichment proceeds in batches with a pause between them (anti-spam); progress shows the batch.
alter table runs add column batch_current integer not null default 0;
alter table runs add column batch_total integer not null default 0;
