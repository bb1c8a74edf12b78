-- Big lists (issue #13): every offered sort column of the leads table and the lead book has a
-- stored value with an index (col, id), so a page is read by key from an index instead of sorting
-- the whole table; the duplicate count of a username is stored with each finding, kept up to date
-- when findings are written. Portable SQL: PostgreSQL and H2 in PostgreSQL mode.

-- leads: occurrences of the row's username over all runs (1 for places), and copies of the
-- profile's or place's sortable values (long texts cut, so a btree entry stays small)
alter table leads add column occurrences integer not null default 1;
alter table leads add column sort_full_name varchar(200);
alter table leads add column sort_bio varchar(200);
alter table leads add column sort_email varchar(320);
alter table leads add column sort_phone varchar(100);
alter table leads add column sort_website varchar(200);
alter table leads add column sort_followers bigint;
alter table leads add column sort_sent_at timestamp with time zone;
alter table leads add column sort_name varchar(500);
alter table leads add column sort_category varchar(100);
alter table leads add column sort_city varchar(100);
alter table leads add column sort_rating double precision;
alter table leads add column sort_review_count integer;
alter table leads add column sort_status varchar(20);
alter table leads add column sort_score integer;

-- one row per username ever found or enriched: writers of that username's findings or profile
-- lock it (select ... for update), so concurrent runs recount one after the other
create table lead_usernames (
    username    varchar(100) not null primary key,
    occurrences integer      not null
);
insert into lead_usernames (username, occurrences)
    select username, count(*) from leads where username is not null group by username;
update leads set occurrences = (select u.occurrences from lead_usernames u where u.username = leads.username)
    where username is not null;

update leads set
    sort_full_name = (select left(p.full_name, 200) from ig_profiles p where p.username = leads.username),
    sort_bio = (select left(p.bio, 200) from ig_profiles p where p.username = leads.username),
    sort_email = (select p.email from ig_profiles p where p.username = leads.username),
    sort_phone = (select p.phone from ig_profiles p where p.username = leads.username),
    sort_website = (select left(p.website, 200) from ig_profiles p where p.username = leads.username),
    sort_followers = (select p.followers from ig_profiles p where p.username = leads.username),
    sort_sent_at = (select p.sent_at from ig_profiles p where p.username = leads.username)
    where username is not null;
update leads set
    sort_name = (select pl.name from places pl where pl.place_id = leads.place_id),
    sort_email = (select pl.email from places pl where pl.place_id = leads.place_id),
    sort_phone = (select pl.phone from places pl where pl.place_id = leads.place_id),
    sort_website = (select left(pl.website, 200) from places pl where pl.place_id = leads.place_id),
    sort_category = (select pl.category from places pl where pl.place_id = leads.place_id),
    sort_city = (select pl.city from places pl where pl.place_id = leads.place_id),
    sort_rating = (select pl.rating from places pl where pl.place_id = leads.place_id),
    sort_review_count = (select pl.review_count from places pl where pl.place_id = leads.place_id),
    sort_status = (select pl.status from places pl where pl.place_id = leads.place_id),
    sort_score = (select pl.score from places pl where pl.place_id = leads.place_id)
    where place_id is not null;

drop index ix_leads_username;
drop index ix_leads_found_at;
create index ix_leads_k_username on leads (username, id);
create index ix_leads_k_found_at on leads (found_at, id);
create index ix_leads_k_hashtag on leads (hashtag, id);
create index ix_leads_k_keyword on leads (keyword, id);
create index ix_leads_k_run on leads (run_id, id);
create index ix_leads_k_occurrences on leads (occurrences, id);
create index ix_leads_k_source on leads (source, id);
create index ix_leads_k_full_name on leads (sort_full_name, id);
create index ix_leads_k_bio on leads (sort_bio, id);
create index ix_leads_k_email on leads (sort_email, id);
create index ix_leads_k_phone on leads (sort_phone, id);
create index ix_leads_k_website on leads (sort_website, id);
create index ix_leads_k_followers on leads (sort_followers, id);
create index ix_leads_k_sent_at on leads (sort_sent_at, id);
create index ix_leads_k_name on leads (sort_name, id);
create index ix_leads_k_category on leads (sort_category, id);
create index ix_leads_k_city on leads (sort_city, id);
create index ix_leads_k_rating on leads (sort_rating, id);
create index ix_leads_k_review_count on leads (sort_review_count, id);
create index ix_leads_k_status on leads (sort_status, id);
create index ix_leads_k_score on leads (sort_score, id);

-- contacts: the company's name and city as sort keys, and one lower-case search text (name,
-- e-mail, Instagram username, company, city) for the search box (a trigram index on PostgreSQL: V15)
alter table contacts add column sort_company varchar(200);
alter table contacts add column sort_city varchar(100);
alter table contacts add column search_text varchar(2000);
update contacts set
    sort_company = (select left(co.name, 200) from companies co where co.id = contacts.company_id),
    sort_city = (select co.city from companies co where co.id = contacts.company_id),
    search_text = lower(coalesce(full_name, '') || '|' || coalesce(email, '') || '|' || coalesce(instagram, '')
        || '|' || coalesce((select coalesce(co.name, '') || '|' || coalesce(co.city, '') from companies co
                            where co.id = contacts.company_id), ''));

drop index ix_contacts_full_name;
drop index ix_contacts_last_name;
drop index ix_contacts_updated;
drop index ix_contacts_created;
drop index ix_contacts_status;
create index ix_contacts_k_full_name on contacts (full_name, id);
create index ix_contacts_k_first_name on contacts (first_name, id);
create index ix_contacts_k_last_name on contacts (last_name, id);
create index ix_contacts_k_title on contacts (title, id);
create index ix_contacts_k_position on contacts (position, id);
create index ix_contacts_k_email on contacts (email, id);
create index ix_contacts_k_email_check on contacts (email_check, id);
create index ix_contacts_k_phone on contacts (phone, id);
create index ix_contacts_k_instagram on contacts (instagram, id);
create index ix_contacts_k_company on contacts (sort_company, id);
create index ix_contacts_k_city on contacts (sort_city, id);
create index ix_contacts_k_status on contacts (status, id);
create index ix_contacts_k_created on contacts (created_at, id);
create index ix_contacts_k_updated on contacts (updated_at, id);

drop index ix_companies_name;
drop index ix_companies_city;
drop index ix_companies_category;
drop index ix_companies_updated;
create index ix_companies_k_name on companies (name, id);
create index ix_companies_k_domain on companies (domain, id);
create index ix_companies_k_city on companies (city, id);
create index ix_companies_k_postal_code on companies (postal_code, id);
create index ix_companies_k_country on companies (country, id);
create index ix_companies_k_category on companies (category, id);
create index ix_companies_k_rating on companies (rating, id);
create index ix_companies_k_review_count on companies (review_count, id);
create index ix_companies_k_created on companies (created_at, id);
create index ix_companies_k_updated on companies (updated_at, id);
