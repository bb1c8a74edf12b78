-- Hashtag selection (seed 001): a run may stop after the crawl so the user picks the hashtags whose
-- accounts are enriched. The crawl's findings wait here until then.
create table run_hashtags (
    run_id        bigint       not null references runs (id),
    name          varchar(200) not null,
    posts         bigint,
    usernames     integer      not null,
    new_usernames integer      not null,
    selected      boolean      not null default false,
    constraint pk_run_hashtags primary key (run_id, name)
);

create table run_candidates (
    run_id   bigint       not null references runs (id),
    hashtag  varchar(200) not null,
    username varchar(100) not null,
    constraint pk_run_candidates primary key (run_id, hashtag, username)
);

alter table runs add column select_hashtags boolean not null default false;
