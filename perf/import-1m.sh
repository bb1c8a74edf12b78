#!/usr/bin/env bash
# Memory of one app instance importing a 1,000,000-row CSV: starts the packaged jar with README's
# production options on a fresh PostgreSQL database (or H2 with --h2), uploads a generated file of
# 1,000,000 rows (under the 100 MB limit) with start=true, and prints the process's VmRSS/VmHWM and
# the JVM's heap after GC every 15 seconds until the import ends, then the counts and the time.
# Needs psql, curl, python3 and a PostgreSQL on 127.0.0.1:5432 (trust auth).
#
#   perf/import-1m.sh [--h2] [-n ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=1000000
H2=false
while [ $# -gt 0 ]; do
  case "$1" in
    --h2) H2=true; shift ;;
    -n) ROWS="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
JAR=target/leadgen.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
LINE=$(grep -m1 -E '^ *java .*-jar ' README.md)
# shellcheck disable=SC2206
JVM_OPTS=($(sed -E 's/^ *java (.*)-jar .*/\1/' <<<"$LINE"))
PORT=$((20000 + $$ % 20000))
KEY="perf-import-key-$(date +%s)-0123456789abcdef"
WORK=$(mktemp -d)
DB="leadgen_import_$$"
FILE="$WORK/kontakte.csv"

python3 - "$FILE" "$ROWS" <<'PY'
import sys, random
path, rows = sys.argv[1], int(sys.argv[2])
random.seed(42)
first = ["Anna", "Jörg", "Lena", "Murat", "Sophie", "Paul", "Emma", "Ali", "Marie", "Jonas"]
last = ["Müller", "Schmidt", "Weiß", "Yılmaz", "Becker", "Koch", "Wagner", "Hoffmann"]
cities = ["Berlin", "Köln", "München", "Hamburg", "Leipzig"]
with open(path, "w", encoding="utf-8") as out:
    out.write("Vorname;Nachname;Firma;E-Mail;Telefon;PLZ;Ort\n")
    for i in range(rows):
        f, l = random.choice(first), random.choice(last)
        d = i % 20
        out.write(f"{f};{l};Firma {i % 5000};p{i}@firma{d}.de;030 {1000000 + i % 9000000};{10000 + i % 89999};{random.choice(cities)}\n")
PY
echo "file: $ROWS rows, $(du -m "$FILE" | cut -f1) MB; JVM options: ${JVM_OPTS[*]}; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

ENV=(SERVER_PORT=$PORT API_KEY="$KEY" EMAIL_DNS_TIMEOUT=200ms IMPORT_LLM=none SCHEDULE_ENABLED=false)
if $H2; then
  ENV+=(SPRING_DATASOURCE_URL="jdbc:h2:file:$WORK/data/leadgen;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
else
  psql -h 127.0.0.1 -U postgres -qc "create database $DB"
  ENV+=(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres)
fi
cleanup() {
  kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true
  $H2 || psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)" >/dev/null
  rm -rf "$WORK"
}
(cd "$WORK" && exec env "${ENV[@]}" java "${JVM_OPTS[@]}" -jar "$OLDPWD/$JAR" > "$WORK/app.log" 2>&1) &
PID=$!
trap cleanup EXIT
until curl -sf "localhost:$PORT/ping" >/dev/null; do sleep 0.5; done

mem() {
  local heap
  heap=$(jcmd "$PID" GC.heap_info 2>/dev/null | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}')
  awk -v h="$heap" '/VmRSS|VmHWM/ {printf "%s %d MiB  ", $1, $2/1024} END {printf "heap used %s  ", h}' "/proc/$PID/status"
  echo "$1"
}
mem "started"
T0=$(date +%s.%N)
ID=$(curl -sf -H "X-API-Key: $KEY" -F "file=@$FILE;type=text/csv" "localhost:$PORT/api/imports?start=true" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
mem "uploaded (import $ID)"
while true; do
  STATUS=$(curl -sf -H "X-API-Key: $KEY" "localhost:$PORT/api/imports/$ID" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["status"], d["counts"]["imported"] + d["counts"]["invalid"])')
  mem "$STATUS"
  case "$STATUS" in RUNNING*) sleep 15 ;; *) break ;; esac
done
T1=$(date +%s.%N)
curl -sf -H "X-API-Key: $KEY" "localhost:$PORT/api/imports/$ID" | python3 -c 'import json,sys; print(json.load(sys.stdin)["counts"])'
awk -v a="$T0" -v b="$T1" -v n="$ROWS" 'BEGIN {printf "upload + import: %.0f s, %.0f rows/s\n", b - a, n / (b - a)}'
