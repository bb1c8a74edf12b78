-- The optional static brochure sent beside every proposal (module proposal): at most one row.
create table proposal_brochure (
    id         integer      primary key,
    file_name  varchar(200) not null,
    data       bytea        not null,
    updated_at timestamp    not null
);
