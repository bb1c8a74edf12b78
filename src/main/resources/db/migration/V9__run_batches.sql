-- A run's enrichment split into batches that any instance may claim (work sharing through the
-- database), and per-username claims so two runs or two instances never buy the same profile twice.
create table run_batches (
    run_id       bigint        not null references runs (id),
    phase        varchar(20)   not null,
    seq          integer       not null,
    usernames    varchar(8000) not null,
    state        varchar(20)   not null,
    owner        varchar(120),
    attempts     integer       not null default 0,
    heartbeat_at timestamp with time zone,
    finished_at  timestamp with time zone,
    constraint pk_run_batches primary key (run_id, phase, seq)
);

-- one working stream per instance and run: pacing stays per instance, more instances add streams
create table run_workers (
    run_id     bigint       not null references runs (id),
    instance   varchar(120) not null,
    joined_at  timestamp with time zone not null,
    constraint pk_run_workers primary key (run_id, instance)
);

create index ix_run_batches_owner on run_batches (owner);

-- one lease per purpose, so a web search under way elsewhere never blocks a profile scrape here
alter table ig_profiles add column claim_owner varchar(120);
alter table ig_profiles add column claim_until timestamp with time zone;
alter table ig_profiles add column search_claim_owner varchar(120);
alter table ig_profiles add column search_claim_until timestamp with time zone;
create index ix_ig_profiles_claim_owner on ig_profiles (claim_owner);
create index ix_ig_profiles_search_claim_owner on ig_profiles (search_claim_owner);

-- the run's own job beats here while it lives, so a stop can end a run whose instance is gone
alter table runs add column heartbeat_at timestamp with time zone;
