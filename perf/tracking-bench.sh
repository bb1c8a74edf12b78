#!/usr/bin/env bash
# "Tracking endpoints" benchmark (issue #12): /track/open and /track/click of the packaged jar under
# load, side by side with nginx serving a static 1x1 GIF on the same machine, with the same load tool
# (wrk), in one run; nginx is measured right before each target of the app and the last column gives
# the app's rate as a share of that run's. The links are measured on the app's port and on the
# tracking port (TRACKING_PORT, their own listener). Builds nothing: run `./mvnw -B -q package -DskipTests` first; needs wrk, nginx,
# psql and PostgreSQL on 127.0.0.1:5432 (trust auth) — `apt-get install wrk nginx-light`.
#
#   perf/tracking-bench.sh [-d SECONDS] [-c CONNECTIONS] [-t THREADS] [--async-commit] [--jvm "OPTIONS"]
#
# --jvm replaces the JVM options of README's production line (e.g. --jvm "-Xmx256m -XX:+UseSerialGC"
# to see what the C2 compiler gives, which -XX:TieredStopAtLevel=1 leaves out for start-up and memory).
#
# --async-commit sets synchronous_commit = off on the benchmark's database only (an event's commit
# then does not wait for the WAL flush): how much of a tracking request is the commit's fsync.
#
# The app runs with the JVM options of README.md's production line (the words between `java` and
# `-jar`, as perf/boot.sh takes them) on a fresh
# PostgreSQL database, with TRACKING_SECRET set and the per-address rate limit lifted (wrk is one
# address). One tracked mail is put into the database with a token signed like the app signs it
# (openssl), so no mail provider is needed. Every request of the app writes an event row.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

DURATION=20
CONNECTIONS=32
THREADS=2
ASYNC_COMMIT=false
JVM_OVERRIDE=""
while [ $# -gt 0 ]; do
  case "$1" in
    -d) DURATION="$2"; shift 2 ;;
    -c) CONNECTIONS="$2"; shift 2 ;;
    -t) THREADS="$2"; shift 2 ;;
    --async-commit) ASYNC_COMMIT=true; shift ;;
    --jvm) JVM_OVERRIDE="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
JAR="$ROOT/target/leadgen.jar"
[ -f "$JAR" ] || { echo "no $JAR: build it with ./mvnw -B -q package -DskipTests" >&2; exit 1; }
for tool in wrk nginx psql openssl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done

LINE=$(grep -m1 -E '^ *java .*-jar ' README.md || true)
[ -n "$LINE" ] || { echo "README.md has no line beginning with 'java' and holding '-jar'" >&2; exit 1; }
# shellcheck disable=SC2206 # the options are plain words
JVM_OPTS=($(sed -E 's/^ *java (.*)-jar .*/\1/' <<<"$LINE"))
if [ -n "$JVM_OVERRIDE" ]; then
  # shellcheck disable=SC2206
  JVM_OPTS=($JVM_OVERRIDE)
fi

APP_PORT=$((21000 + $$ % 10000))
NGINX_PORT=$((APP_PORT + 1))
TRACK_PORT=$((APP_PORT + 2))
DB="leadgen_trackbench_$$"
SECRET="tracking-benchmark-secret-$(openssl rand -hex 8)"
WORKDIR=$(mktemp -d)
APP_PID=""
NGINX_PID=""
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null || true; fi
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" >/dev/null 2>&1 || true
  rm -rf "$WORKDIR"
}
trap cleanup EXIT

# ---- nginx: the same 42-byte GIF, no-store, one server block
mkdir -p "$WORKDIR/html" "$WORKDIR/nginx"
base64 -d > "$WORKDIR/html/pixel.gif" <<<"R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
# nginx's workers run as an unprivileged user: they must be able to read the file
chmod 755 "$WORKDIR" "$WORKDIR/html"
chmod 644 "$WORKDIR/html/pixel.gif"
cat > "$WORKDIR/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $WORKDIR/nginx/nginx.pid;
error_log $WORKDIR/nginx/error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORKDIR/nginx;
  proxy_temp_path $WORKDIR/nginx;
  fastcgi_temp_path $WORKDIR/nginx;
  uwsgi_temp_path $WORKDIR/nginx;
  scgi_temp_path $WORKDIR/nginx;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location = /pixel.gif {
      root $WORKDIR/html;
      default_type image/gif;
      add_header Cache-Control no-store;
    }
  }
}
EOF
nginx -c "$WORKDIR/nginx/nginx.conf" -p "$WORKDIR/nginx" &
NGINX_PID=$!

# ---- the app on a fresh database
psql -h 127.0.0.1 -U postgres -qc "create database $DB" >/dev/null
if $ASYNC_COMMIT; then
  psql -h 127.0.0.1 -U postgres -qc "alter database $DB set synchronous_commit = off" >/dev/null
fi
(
  cd "$WORKDIR"
  SERVER_PORT=$APP_PORT SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    SPRING_DATASOURCE_USERNAME=postgres SECRET_KEY="bench-secret-key-$(openssl rand -hex 8)" \
    ADMIN_USERNAME=admin ADMIN_PASSWORD=admin-password-of-the-benchmark \
    TRACKING_SECRET="$SECRET" TRACKING_RATE_LIMIT=1000000000 SCHEDULE_ENABLED=false TRACKING_PORT=$TRACK_PORT \
    exec java "${JVM_OPTS[@]}" -jar "$JAR" > "$WORKDIR/app.log" 2>&1
) &
APP_PID=$!
for _ in $(seq 1 600); do
  if curl -fs "http://127.0.0.1:$APP_PORT/ping" >/dev/null 2>&1; then break; fi
  sleep 0.1
done
curl -fs "http://127.0.0.1:$APP_PORT/ping" >/dev/null || { echo "the app did not start:" >&2; tail -30 "$WORKDIR/app.log" >&2; exit 1; }

# ---- one tracked mail with a token signed as tracking.Tokens does: key (16 bytes) + HMAC[0..16]
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
openssl rand 16 > "$WORKDIR/key"
KEY=$(b64url < "$WORKDIR/key")
openssl dgst -sha256 -mac HMAC -macopt "key:$SECRET" -binary "$WORKDIR/key" | head -c 16 > "$WORKDIR/mac"
TOKEN=$(cat "$WORKDIR/key" "$WORKDIR/mac" | b64url)
LINK="https://example.com/angebot"
psql -h 127.0.0.1 -U postgres -d "$DB" -qc "insert into tracked_mails (message_key, recipient, links, created_at, sent_at)
  values ('$KEY', 'bench@example.com', '$LINK', now() - interval '1 hour', now() - interval '1 hour')" >/dev/null
OPEN="http://127.0.0.1:$APP_PORT/track/open/$TOKEN"
CLICK="http://127.0.0.1:$APP_PORT/track/click/$TOKEN?url=https%3A%2F%2Fexample.com%2Fangebot"
PORT_OPEN="http://127.0.0.1:$TRACK_PORT/track/open/$TOKEN"
PORT_CLICK="http://127.0.0.1:$TRACK_PORT/track/click/$TOKEN?url=https%3A%2F%2Fexample.com%2Fangebot"
NGINX="http://127.0.0.1:$NGINX_PORT/pixel.gif"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$OPEN")" = 200 ] || { echo "open pixel does not answer 200" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' "$CLICK")" = 302 ] || { echo "click does not answer 302" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' "$PORT_OPEN")" = 200 ] || { echo "tracking port: open pixel does not answer 200" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' "$PORT_CLICK")" = 302 ] || { echo "tracking port: click does not answer 302" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' "$NGINX")" = 200 ] || { echo "nginx does not answer 200" >&2; exit 1; }

LAST_NGINX=""
run() { # name url
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "User-Agent: Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0" "$2")
  local rps p50 p99 non2xx ratio="–"
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx/ {print $5}' <<<"$out")
  if [ "$2" = "$NGINX" ]; then
    LAST_NGINX=$rps
  elif [ -n "$LAST_NGINX" ]; then
    ratio=$(awk -v a="$rps" -v n="$LAST_NGINX" 'BEGIN {printf "%.1f %%", 100 * a / n}')
  fi
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$rps" "$p50" "$p99" "${non2xx:-0}" "$ratio"
}

echo "java ${JVM_OPTS[*]}; wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, synchronous_commit off: $ASYNC_COMMIT, $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
# warm-up of every target of the app before any is measured (JIT, connection pool): measured one
# after the other without it, the first target pays for the compilation of the code all share
for url in "http://127.0.0.1:$APP_PORT/ping" "$OPEN" "$CLICK" "$PORT_OPEN" "$PORT_CLICK" "$OPEN" "$CLICK" "$PORT_OPEN" "$PORT_CLICK"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-8}s" "$url" >/dev/null
done
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$NGINX" >/dev/null

# nginx is measured again right before each target of the app, and each is compared with that run:
# on a shared machine nginx's own rate drifted by a fifth between runs a minute apart
echo "| target | requests/s | p50 | p99 | non-2xx/3xx | of the nginx run before |"
echo "|---|---|---|---|---|---|"
run "nginx, static GIF" "$NGINX"
run "app, GET /ping (the filter chain alone, for reference)" "http://127.0.0.1:$APP_PORT/ping"
run "nginx, static GIF" "$NGINX"
run "app, GET /track/open/{token}" "$OPEN"
run "nginx, static GIF" "$NGINX"
run "app, GET /track/click/{token}?url=" "$CLICK"
run "nginx, static GIF" "$NGINX"
run "tracking port, GET /track/open/{token}" "$PORT_OPEN"
run "nginx, static GIF" "$NGINX"
run "tracking port, GET /track/click/{token}?url=" "$PORT_CLICK"
echo
echo "app process: $(grep -E "^VmRSS" "/proc/$APP_PID/status" | tr -s " ")"

EVENTS=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select count(*) from email_events")
COMMITS=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select xact_commit from pg_stat_database where datname = current_database()")
echo "events written: $EVENTS in about $COMMITS transactions (all of the app's, the batches' among them); load after: $(cut -d' ' -f1-3 /proc/loadavg)"
