#!/usr/bin/env bash
# Start-up time and footprint of the packaged jar, started the way README.md's production line
# starts it. Builds nothing: run `./mvnw -B -q package -DskipTests` first.
#
#   perf/boot.sh [-n STARTS] [--postgres] [--jar PATH]... [-- JVM options]
#
# Without JVM options it takes those of README.md's line that begins with `java` and holds `-jar`
# (the words between `java` and `-jar`), so the numbers are those of the documented start.
# Each start gets a fresh H2 directory (a new temporary working directory, so no .env is read
# either) or, with --postgres, a fresh database on 127.0.0.1:5432 (trust auth, psql needed).
# It polls /ping every 50 ms and prints the seconds from launching `java` to the first `OK`, the
# time Spring reports in its log, the process's CPU seconds, VmRSS and VmHWM at that moment, and
# the machine's load average; then min and median per jar. Several --jar options (say an old
# build and a new one) take turns, so a machine whose load changes treats them alike.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

STARTS=5
POSTGRES=false
JARS=()
JVM_OPTS=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) STARTS="$2"; shift 2 ;;
    --postgres) POSTGRES=true; shift ;;
    --jar) JARS+=("$(realpath "$2")"); shift 2 ;;
    --) shift; JVM_OPTS=("$@"); break ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ ${#JARS[@]} -gt 0 ] || JARS=("$ROOT/target/leadgen.jar")
for jar in "${JARS[@]}"; do
  [ -f "$jar" ] || { echo "no $jar: build it with ./mvnw -B -q package -DskipTests" >&2; exit 1; }
done

if [ ${#JVM_OPTS[@]} -eq 0 ]; then
  LINE=$(grep -m1 -E '^ *java .*-jar ' README.md || true)
  [ -n "$LINE" ] || { echo "README.md has no line beginning with 'java' and holding '-jar'" >&2; exit 1; }
  # shellcheck disable=SC2206 # the options are plain words
  JVM_OPTS=($(sed -E 's/^ *java (.*)-jar .*/\1/' <<<"$LINE"))
fi

PORT=$((20000 + $$ % 20000))
TICKS=$(getconf CLK_TCK)
PID=""
WORKDIR=""
DB=""
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  PID=""
  if [ -n "$WORKDIR" ]; then rm -rf "$WORKDIR"; fi
  WORKDIR=""
  if [ -n "$DB" ]; then psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" >/dev/null; fi
  DB=""
}
trap cleanup EXIT

now() { date +%s.%N; }
cpu_seconds() { awk -v t="$TICKS" '{printf "%.1f", ($14 + $15) / t}' "/proc/$1/stat"; }
mib() { awk -v k="$2" '$1 == k":" {print int($2 / 1024)}' "/proc/$1/status"; }
stats() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "min %s, median %s", v[1], m}'; }

echo "JVM options: ${JVM_OPTS[*]}"
echo "database: $($POSTGRES && echo "PostgreSQL 127.0.0.1:5432, fresh database per start" || echo "H2 file, fresh directory per start")"
echo "$(nproc) cores, $(java -version 2>&1 | head -n 1), $(date -u +%FT%TZ)"
echo
echo "| start | jar | to first OK s | Spring's 'Started … in' s | CPU s | VmRSS MiB | VmHWM MiB | load avg 1/5/15 |"
echo "|---|---|---|---|---|---|---|---|"

declare -A TIMES RSS
for i in $(seq 1 "$STARTS"); do
  for jar in "${JARS[@]}"; do
    WORKDIR=$(mktemp -d)
    ENV=(SERVER_PORT="$PORT")
    if $POSTGRES; then
      DB="leadgen_boot_$$_$i"
      psql -h 127.0.0.1 -U postgres -qc "create database $DB"
      ENV+=(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres)
    fi
    LOAD=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)
    T0=$(now)
    (cd "$WORKDIR" && exec env "${ENV[@]}" java "${JVM_OPTS[@]}" -jar "$jar" >"$WORKDIR/app.log" 2>&1) &
    PID=$!
    until [ "$(curl -s --max-time 1 "http://127.0.0.1:$PORT/ping" 2>/dev/null)" = "OK" ]; do
      if ! kill -0 "$PID" 2>/dev/null; then
        echo "the app ended before answering /ping:" >&2; tail -n 40 "$WORKDIR/app.log" >&2; exit 1
      fi
      sleep 0.05
    done
    T1=$(now)
    SECS=$(awk -v a="$T0" -v b="$T1" 'BEGIN {printf "%.2f", b - a}')
    SPRING=$(grep -oE 'Started [A-Za-z]+ in [0-9.]+ seconds' "$WORKDIR/app.log" | grep -oE '[0-9.]+ seconds' | cut -d' ' -f1 || true)
    R=$(mib "$PID" VmRSS)
    echo "| $i | $(basename "$jar") | $SECS | ${SPRING:-–} | $(cpu_seconds "$PID") | $R | $(mib "$PID" VmHWM) | $LOAD |"
    TIMES[$jar]+="$SECS "
    RSS[$jar]+="$R "
    cleanup
  done
done

echo
for jar in "${JARS[@]}"; do
  # shellcheck disable=SC2086 # word splitting wanted
  echo "$(basename "$jar"): to first OK (s) $(stats ${TIMES[$jar]}); VmRSS after start (MiB) $(stats ${RSS[$jar]})"
done
