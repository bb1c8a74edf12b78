#!/usr/bin/env bash
# Memory of one app instance with 20,000 leads: starts the packaged jar as its own process on a
# fresh PostgreSQL database, fills it with 20,000 leads, pages, sorts and exports the table, and
# prints the process's RSS (VmRSS) and peak (VmHWM) after each step. Needs psql and a PostgreSQL on
# 127.0.0.1:5432 (trust auth). Usage: perf/memory-20k.sh [JVM options, default -Xmx256m]
set -euo pipefail
cd "$(dirname "$0")/.."
JVM_OPTS="${*:--Xmx256m}"
PORT=18087
DB="leadgen_mem_$$"
JAR=target/leadgen.jar
[ -f "$JAR" ] || ./mvnw -B -q -o package -DskipTests

psql -h 127.0.0.1 -U postgres -qc "create database $DB"
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" >/dev/null' EXIT

KEY="memory-bench-key-$$-$RANDOM$RANDOM" # every page and export needs a login or key since the accounts issue
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres API_KEY="$KEY" \
  SERVER_PORT=$PORT JOBRUNR_WORKERS=2 java $JVM_OPTS -jar "$JAR" > "target/memory-20k-app.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/ping" >/dev/null && break; sleep 1; done

rss() { awk '/VmRSS|VmHWM/ {printf "%s %d MiB  ", $1, $2/1024}' "/proc/$PID/status"; echo "$1"; }
rss "started, empty database"

psql -h 127.0.0.1 -U postgres -d "$DB" -q <<'SQL'
insert into runs (source, keyword, status, stage, created_at) values ('instagram', 'memory', 'COMPLETED', 'DONE', now());
insert into ig_profiles (username, full_name, bio, email, email_source, phone, phone_source, website, website_source, followers, updated_at, enriched_at)
  select 'user_' || g, 'Name ' || g, repeat('Bio mit Umlauten äöü und Text ', 4) || g, 'user' || g || '@example.de', 'apify:x',
         '+49301' || lpad(g::text, 6, '0'), 'apify:x', 'https://user' || g || '.example.de', 'apify:x', g * 7, now(), now()
  from generate_series(1, 18000) g;
-- 20,000 findings: 18,000 accounts, 2,000 of them found under a second hashtag (duplicates)
insert into leads (run_id, source, hashtag, username, keyword, found_at)
  select (select max(id) from runs), 'instagram', 'fitness', 'user_' || g, 'memory', now() from generate_series(1, 18000) g;
insert into leads (run_id, source, hashtag, username, keyword, found_at)
  select (select max(id) from runs), 'instagram', 'fitnessberlin', 'user_' || g, 'memory', now() from generate_series(1, 2000) g;
SQL
rss "20,000 leads stored"

for sort in foundAt,desc username,asc followers,desc bio,asc duplicate,desc; do
  for page in 0 200 399; do curl -sf -H "X-API-Key: $KEY" "localhost:$PORT/api/leads?size=50&page=$page&sort=$sort" -o /dev/null; done
done
curl -sf -H "X-API-Key: $KEY" "localhost:$PORT/api/leads?size=500&sort=email,asc" -o /dev/null
rss "after paging and sorting (5 sorts x 3 pages, one page of 500)"

time_csv=$( { /usr/bin/time -f %e curl -sf -H "X-API-Key: $KEY" "localhost:$PORT/export?format=csv" -o target/memory-20k.csv; } 2>&1 )
rss "after CSV export of 20,000 rows (${time_csv}s, $(du -h target/memory-20k.csv | cut -f1))"
time_xlsx=$( { /usr/bin/time -f %e curl -sf -H "X-API-Key: $KEY" "localhost:$PORT/export?format=xlsx" -o target/memory-20k.xlsx; } 2>&1 )
rss "after Excel export of 20,000 rows (${time_xlsx}s, $(du -h target/memory-20k.xlsx | cut -f1))"
for _ in 1 2 3; do curl -sf -H "X-API-Key: $KEY" "localhost:$PORT/export?format=xlsx" -o /dev/null; curl -sf -H "X-API-Key: $KEY" "localhost:$PORT/export?format=csv" -o /dev/null; done
rss "after 3 more exports of each"
echo "JVM options: $JVM_OPTS"
