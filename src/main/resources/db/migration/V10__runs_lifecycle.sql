-- Runs become a small lifecycle with pipelines as plug-ins. Portable SQL (PostgreSQL and H2 in
-- PostgreSQL mode).
--
-- Counters: each pipeline declares its own (by name); they live in run_counters, one row per run and
-- counter, changed with single UPDATE statements, instead of one column per counter of every pipeline.
create table run_counters (
    run_id  bigint      not null references runs (id),
    name    varchar(64) not null,
    amount  integer     not null default 0,
    constraint pk_run_counters primary key (run_id, name)
);

insert into run_counters (run_id, name, amount) select id, 'hashtags', hashtags from runs where hashtags <> 0;
insert into run_counters (run_id, name, amount) select id, 'findings', findings from runs where findings <> 0;
insert into run_counters (run_id, name, amount) select id, 'usernames', usernames from runs where usernames <> 0;
insert into run_counters (run_id, name, amount) select id, 'profilesEnriched', profiles_enriched from runs where profiles_enriched <> 0;
insert into run_counters (run_id, name, amount) select id, 'profilesNotFound', profiles_not_found from runs where profiles_not_found <> 0;
insert into run_counters (run_id, name, amount) select id, 'profilesFailed', profiles_failed from runs where profiles_failed <> 0;
insert into run_counters (run_id, name, amount) select id, 'websearchTotal', websearch_total from runs where websearch_total <> 0;
insert into run_counters (run_id, name, amount) select id, 'websearchDone', websearch_done from runs where websearch_done <> 0;
insert into run_counters (run_id, name, amount) select id, 'websearchFailed', websearch_failed from runs where websearch_failed <> 0;
insert into run_counters (run_id, name, amount) select id, 'cacheHits', cache_hits from runs where cache_hits <> 0;
insert into run_counters (run_id, name, amount) select id, 'profilesCached', profiles_cached from runs where profiles_cached <> 0;
insert into run_counters (run_id, name, amount) select id, 'batch', batch_current from runs where batch_current <> 0;
insert into run_counters (run_id, name, amount) select id, 'batches', batch_total from runs where batch_total <> 0;
insert into run_counters (run_id, name, amount) select id, 'placesSearches', places_searches from runs where places_searches <> 0;
insert into run_counters (run_id, name, amount) select id, 'placesSearchesTotal', places_searches_total from runs where places_searches_total <> 0;
insert into run_counters (run_id, name, amount) select id, 'placesFound', places_found from runs where places_found <> 0;
insert into run_counters (run_id, name, amount) select id, 'placesNew', places_new from runs where places_new <> 0;
insert into run_counters (run_id, name, amount) select id, 'placesKnown', places_known from runs where places_known <> 0;
insert into run_counters (run_id, name, amount) select id, 'qualified', qualified from runs where qualified <> 0;
insert into run_counters (run_id, name, amount) select id, 'disqualified', disqualified from runs where disqualified <> 0;
insert into run_counters (run_id, name, amount) select id, 'sitesChecked', sites_checked from runs where sites_checked <> 0;
insert into run_counters (run_id, name, amount) select id, 'emailsFound', emails_found from runs where emails_found <> 0;

alter table runs drop column hashtags;
alter table runs drop column findings;
alter table runs drop column usernames;
alter table runs drop column profiles_enriched;
alter table runs drop column profiles_not_found;
alter table runs drop column profiles_failed;
alter table runs drop column websearch_total;
alter table runs drop column websearch_done;
alter table runs drop column websearch_failed;
alter table runs drop column cache_hits;
alter table runs drop column profiles_cached;
alter table runs drop column batch_current;
alter table runs drop column batch_total;
alter table runs drop column places_searches;
alter table runs drop column places_searches_total;
alter table runs drop column places_found;
alter table runs drop column places_new;
alter table runs drop column places_known;
alter table runs drop column qualified;
alter table runs drop column disqualified;
alter table runs drop column sites_checked;
alter table runs drop column emails_found;

-- a pipeline's own start parameters (JSON object of strings), e.g. the Places run's target locations
alter table runs add column params varchar(4000);
update runs set params = '{"locationIds":"' || location_ids || '"}' where location_ids is not null;
update runs set params = '{"selectHashtags":"true"}' where select_hashtags;
alter table runs drop column location_ids;
alter table runs drop column select_hashtags;

-- errors and warnings as message keys with arguments, rendered in the reader's language; the old
-- German texts stay in error_message / warning for runs from before
alter table runs add column error_key varchar(100);
alter table runs add column error_args varchar(2000);
alter table runs add column warning_key varchar(100);
alter table runs add column warning_args varchar(2000);

-- the run's own JobRunr job, so the sweeper can tell a job that will come back from one that gave up
alter table runs add column job_id varchar(40);
create index ix_runs_status on runs (status);

-- Spring Modulith's event publication registry (JPA): events between modules are kept until every
-- listener has handled them, and resubmitted after a crash
create table event_publication (
    id                     uuid          not null primary key,
    listener_id            varchar(512)  not null,
    event_type             varchar(512)  not null,
    serialized_event       varchar(8000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer       not null default 0,
    last_resubmission_date timestamp with time zone
);
create index ix_event_publication_completion on event_publication (completion_date);

-- Places Text Search results are kept for 24 hours per (location, category) (seed 002 §11)
create table places_search_cache (
    location_id bigint       not null,
    category    varchar(50)  not null,
    query_key   varchar(500) not null,
    results     varchar(200000) not null,
    searched_at timestamp with time zone not null,
    constraint pk_places_search_cache primary key (location_id, category)
);
