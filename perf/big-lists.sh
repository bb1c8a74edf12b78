#!/usr/bin/env bash
# Big lists (issue #13): fills a fresh database with ROWS findings, contacts and companies
# (BigListsData: PostgreSQL COPY, H2 batch inserts), starts the packaged jar with README's
# production JVM options on it, and times the lists, searches, deep pages and exports over HTTP
# (BigListsBenchmark: p50/p95, peak RSS of the app process). Report: target/benchmarks/big-lists-LABEL.md
# Needs psql, curl and a PostgreSQL on 127.0.0.1:5432 (trust auth).
#
#   perf/big-lists.sh [--h2] [-n ROWS] [--exports csv,xlsx,contacts-csv] [--jar JAR] [--label LABEL]
#
# --jar: another build (e.g. main before the change, built in a detached worktree); the schema is
# then the one that jar migrates, and the generator leaves out what that schema lacks.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=100000
H2=false
EXPORTS=""
JAR=target/leadgen.jar
LABEL=""
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --h2) H2=true; shift ;;
    -n) ROWS="$2"; shift 2 ;;
    --exports) EXPORTS="$2"; shift 2 ;;
    --jar) JAR="$2"; shift 2 ;;
    --label) LABEL="$2"; shift 2 ;;
    --exports-only) EXTRA+=(-Dbench.exports-only=true); shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -n "$LABEL" ] || LABEL="$($H2 && echo h2 || echo pg)-$ROWS"
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
[ -f target/bench.cp ] || ./mvnw -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
CP="target/test-classes:target/classes:$(cat target/bench.cp)"
LINE=$(grep -m1 -E '^ *java .*-jar ' README.md)
# shellcheck disable=SC2206
JVM_OPTS=($(sed -E 's/^ *java (.*)-jar .*/\1/' <<<"$LINE"))
PORT=$((20000 + $$ % 20000))
KEY="perf-big-lists-key-$(date +%s)-0123456789abcdef"
WORK=$(mktemp -d)
DB="leadgen_big_$$"
ENV=(SERVER_PORT=$PORT API_KEY="$KEY" SCHEDULE_ENABLED=false)
if $H2; then
  URL="jdbc:h2:file:$WORK/data/leadgen;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
  USER=sa
  ENV+=(SPRING_DATASOURCE_URL="$URL")
else
  psql -h 127.0.0.1 -U postgres -qc "create database $DB"
  URL="jdbc:postgresql://127.0.0.1:5432/$DB"
  USER=postgres
  ENV+=(SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=postgres)
fi
PID=""
cleanup() {
  [ -z "$PID" ] || { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
  $H2 || psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)" >/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
start() {
  (cd "$WORK" && exec env "${ENV[@]}" java "${JVM_OPTS[@]}" -jar "$OLDPWD/$JAR" >> "$WORK/app.log" 2>&1) &
  PID=$!
  until curl -sf "localhost:$PORT/ping" >/dev/null; do
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    sleep 0.5
  done
}
echo "jar $JAR, $ROWS rows, $($H2 && echo H2 || echo PostgreSQL), JVM options: ${JVM_OPTS[*]}; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
# the jar migrates the schema (its own migrations), then the generator fills it with the app stopped
start
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
java -Xmx3g -cp "$CP" -Dbench.rows="$ROWS" -Dbench.migrate=false app.leadgen.bench.BigListsData "$URL" "$USER" ""
start
java -cp "$CP" -Dbench.exports="$EXPORTS" "${EXTRA[@]}" app.leadgen.bench.BigListsBenchmark \
  "http://127.0.0.1:$PORT" "$KEY" "$PID" "$LABEL"
