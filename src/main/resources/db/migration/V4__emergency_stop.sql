-- An emergency stop cancels calls in flight; the running instance learns of it from this flag,
-- whichever instance received the request.
alter table runs add column emergency_stop boolean not null default false;
