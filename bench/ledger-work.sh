#!/usr/bin/env bash
# PostgreSQL's work per transfer, counted rather than timed (issue 22, docs/benchmarks.md "Ledger
# work per transfer"): our server on a fresh database takes single transfers from wrk (16
# connections by default), and the database's own counters are read before and after the
# measured seconds: transactions, rows, index scans, the WAL records and bytes of this database
# (pg_walinspect, filtered to its relations and its transactions' commits), the CPU of its
# backends (/proc), and the group commit's group sizes (the server's metrics). --pgbench does the
# same for pgbench's tpcb-like script on its own database. These figures hardly move with the
# machine's load, unlike throughput.
#
#   bench/ledger-work.sh [--server-jar JAR] [--database NAME] [--seconds S] [--warmup-seconds W]
#                        [--concurrency C] [--accounts N] [--server-arg ARG]... [--java-arg ARG]...
#                        [--pgbench] [--h2 [--batch N]] [--analyze]
#
# The databases are dropped and created again (default sb_ledger_work and, with --pgbench,
# NAME_pgb). With --h2 the server runs on its embedded durable H2 store instead and only the
# server's CPU per transfer is counted; --batch N sends N transfers per request to the linked
# batch endpoint. --analyze runs ANALYZE after the warm-up: a bank's tables have statistics, a
# fresh benchmark database has none, and a plan cached while the journal held a few rows (a
# sequential scan of it) would otherwise stay until autovacuum's first visit. --java-arg passes a JVM option to the server, e.g.
# -XX:StartFlightRecording=filename=/tmp/batch.jfr,settings=profile.
# Needs wrk, psql, pgbench, bench/target/socialbank-bench.jar and the server jar.
set -euo pipefail

PG_HOST=127.0.0.1
PG_PORT=5432
PG_USER=postgres
DB=sb_ledger_work
SECONDS_MEASURED=15
WARMUP_SECONDS=10
CONCURRENCY=16
ACCOUNTS=100
PGBENCH=false
H2=false
ANALYZE=false
BATCH=0
JAVA_ARGS=()
PGBENCH_SCALE=10
SERVER_JAR=""
SERVER_ARGS=()
HEALTH_WAIT_SECONDS=180
STATS_SETTLE_SECONDS=3 # an idle backend reports its statistics within a second
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_JAR="$REPO_ROOT/bench/target/socialbank-bench.jar"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
CLK_TCK="$(getconf CLK_TCK)"
SERVER_PID=""
WORK_DIR=""

die() { echo "ledger-work.sh: $*" >&2; exit 1; }

while (($# > 0)); do
  case "$1" in
    --server-jar) SERVER_JAR="${2:?}"; shift 2 ;;
    --database) DB="${2:?}"; shift 2 ;;
    --seconds) SECONDS_MEASURED="${2:?}"; shift 2 ;;
    --warmup-seconds) WARMUP_SECONDS="${2:?}"; shift 2 ;;
    --concurrency) CONCURRENCY="${2:?}"; shift 2 ;;
    --accounts) ACCOUNTS="${2:?}"; shift 2 ;;
    --server-arg) SERVER_ARGS+=("${2:?}"); shift 2 ;;
    --pgbench) PGBENCH=true; shift ;;
    --h2) H2=true; shift ;;
    --analyze) ANALYZE=true; shift ;;
    --batch) BATCH="${2:?}"; shift 2 ;;
    --java-arg) JAVA_ARGS+=("${2:?}"); shift 2 ;;
    *) die "unknown argument: $1" ;;
  esac
done
[[ $DB =~ ^[a-z0-9_]{1,50}$ ]] || die "--database must be lower-case letters, digits and _"
SERVER_JAR="${SERVER_JAR:-$REPO_ROOT/target/socialbank.jar}"
[[ -f $SERVER_JAR ]] || die "no server jar at $SERVER_JAR"
[[ -f $BENCH_JAR ]] || die "no bench jar at $BENCH_JAR (mvn -f bench/pom.xml package)"

q() { # database sql
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$1" -X -q -At -F ' ' -c "$2"
}

fresh_database() {
  PGOPTIONS='-c client_min_messages=warning' dropdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" --if-exists "$1"
  createdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$1"
  q "$1" "CREATE EXTENSION IF NOT EXISTS pg_walinspect"
}

ticks() { # pid: user + system clock ticks, 0 once gone
  { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null || echo; } | awk '{ print ($12 + $13) + 0 }'
}

backends() { # database: pids of its backends
  q postgres "SELECT pid FROM pg_stat_activity WHERE datname = '$1' AND pid <> pg_backend_pid()"
}

# Samples the CPU ticks of a database's backends every 0.2 s into a file "pid ticks" (the last
# sample per pid wins): pgbench's backends end with pgbench, before a final read could see them.
sample_backends() { # database file
  while true; do
    local pid
    for pid in $(backends "$1"); do echo "$pid $(ticks "$pid")"; done >>"$2"
    sleep 0.2
  done
}

backend_ticks() { # file: the sum over pids of the last sample
  awk '{ last[$1] = $2 } END { s = 0; for (p in last) s += last[p]; print s }' "$1"
}

snapshot() { # database: one line of counters
  q "$1" "SELECT d.xact_commit, d.xact_rollback, d.tup_inserted, d.tup_updated, d.tup_fetched, d.tup_returned,
      d.blks_hit + d.blks_read, (SELECT COALESCE(SUM(idx_scan), 0) FROM pg_stat_user_tables),
      (SELECT COALESCE(SUM(seq_scan), 0) FROM pg_stat_user_tables),
      (SELECT COALESCE(SUM(n_tup_hot_upd), 0) FROM pg_stat_user_tables), pg_current_wal_lsn()
      FROM pg_stat_database d WHERE d.datname = current_database()"
}

tables() { # database: per table rows inserted/updated/hot, index scans
  q "$1" "SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, COALESCE(idx_scan, 0), seq_scan
      FROM pg_stat_user_tables WHERE n_tup_ins + n_tup_upd + COALESCE(idx_scan, 0) > 0 ORDER BY relname"
}

# The WAL of this database between two positions: records touching its relations, and the
# commit records of the transactions that wrote them, grouped by kind of record.
wal_of() { # database start_lsn end_lsn operations
  q "$1" "WITH r AS (SELECT * FROM pg_get_wal_records_info('$2', '$3')),
      oid AS (SELECT '%/' || (SELECT oid FROM pg_database WHERE datname = current_database()) || '/%' AS pattern),
      mine AS (SELECT DISTINCT xid FROM r, oid WHERE block_ref LIKE '%rel %' AND block_ref LIKE oid.pattern AND xid <> '0'),
      picked AS (SELECT r.* FROM r, oid WHERE r.block_ref LIKE oid.pattern
          OR (r.resource_manager = 'Transaction' AND r.xid IN (SELECT xid FROM mine)))
      SELECT resource_manager || '/' || split_part(record_type, ' ', 1), COUNT(*), SUM(record_length), SUM(fpi_length)
      FROM picked GROUP BY 1 ORDER BY 3 DESC" |
    awk -v n="$4" '{ c += $2; b += $3; f += $4; printf "    %-24s %8.2f records %9.1f bytes per op\n", $1, $2 / n, $3 / n }
      END { printf "  WAL of this database per op: %.2f records, %.0f bytes, of which full-page images %.0f (they depend on\n    the time since the last checkpoint: compare the bytes without them, %.0f)\n", c / n, b / n, f / n, (b - f) / n }'
}

per_op() { # before after operations: the counters' deltas per operation
  awk -v n="$3" -v hz="$CLK_TCK" 'NR == 1 { for (i = 1; i <= NF; i++) a[i] = $i } NR == 2 {
      split("commits rollbacks rows-inserted rows-updated rows-fetched rows-returned buffer-accesses index-scans seq-scans hot-updates", name, " ")
      for (i = 1; i <= 10; i++) printf "  %-16s %8.3f per op\n", name[i], ($i - a[i]) / n }' <(echo "$1") <(echo "$2")
}

table_deltas() { # before-file after-file operations
  awk -v n="$3" 'NR == FNR { ins[$1] = $2; upd[$1] = $3; hot[$1] = $4; idx[$1] = $5; next }
      { printf "    %-28s inserted %6.3f  updated %6.3f (hot %6.3f)  index scans %6.3f per op\n",
        $1, ($2 - ins[$1]) / n, ($3 - upd[$1]) / n, ($4 - hot[$1]) / n, ($5 - idx[$1]) / n }' "$1" "$2"
}

start_server() {
  TOKEN="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  PORT=$((20000 + RANDOM % 40000))
  local -a store=()
  if [[ $H2 == false ]]; then # else the default: the embedded H2 file under the work directory
    store=("SPRING_DATASOURCE_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" "SPRING_DATASOURCE_USERNAME=$PG_USER")
  fi
  (cd "$WORK_DIR" && exec env SOCIALBANK_API_TOKEN="$TOKEN" SOCIALBANK_OTP_PEPPER="$(head -c 32 /dev/urandom | base64)" \
    SOCIALBANK_NOTIFICATIONS_BUDGET_KEY_PEPPER="$(head -c 32 /dev/urandom | base64)" \
    SOCIALBANK_SANDBOXES_ALLOWED=true SOCIALBANK_DIRECTORY_LOOPBACK_BASE_URL_ALLOWED=true \
    "${store[@]}" "$JAVA" "${JAVA_ARGS[@]}" -jar "$SERVER_JAR" --server.port="$PORT" --server.address=127.0.0.1 \
    --socialbank.assistant.encoder=none "${SERVER_ARGS[@]}" >server.log 2>&1) &
  SERVER_PID=$!
  local tenth
  for ((tenth = 0; tenth < HEALTH_WAIT_SECONDS * 2; tenth++)); do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$WORK_DIR/server.log" >&2; die "server exited"; }
    if curl -s --max-time 2 -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/actuator/health" | grep -q '"UP"'; then
      return
    fi
    sleep 0.5
  done
  die "server not UP after ${HEALTH_WAIT_SECONDS}s"
}

stop_server() {
  [[ -n $SERVER_PID ]] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

metric() { # prometheus name
  curl -s --max-time 5 -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/actuator/prometheus" |
    awk -v m="$1" '$1 == m { print $2 + 0; found = 1 } END { if (!found) print 0 }'
}

wrk_run() { # seconds seed
  local mode=uniform
  ((BATCH == 0)) || mode="batch:$BATCH"
  wrk -t 2 -c "$CONCURRENCY" -d "${1}s" -s "$REPO_ROOT/bench/wrk/transfers.lua" "http://127.0.0.1:$PORT" \
    -- "$WORK_DIR/wallets.txt" "$TOKEN" "$2" EUR "$mode"
}

setup_wallets() {
  env SOCIALBANK_API_TOKEN="$TOKEN" "$JAVA" -jar "$BENCH_JAR" --url "http://127.0.0.1:$PORT" \
    --accounts "$ACCOUNTS" --setup-only "$WORK_DIR/wallets.txt" >"$WORK_DIR/setup.log" 2>&1 ||
    { cat "$WORK_DIR/setup.log" >&2; die "wallet setup failed"; }
}

# The embedded store: only the server's CPU per transfer (H2 runs inside it).
measure_h2() {
  start_server
  setup_wallets
  wrk_run "$WARMUP_SECONDS" 1 >"$WORK_DIR/warmup.txt"
  sleep 1
  local server_before machine_before
  server_before="$(ticks "$SERVER_PID")" machine_before="$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat)"
  wrk_run "$SECONDS_MEASURED" 2 >"$WORK_DIR/measured.txt"
  local server_ticks=$(($(ticks "$SERVER_PID") - server_before))
  local machine_ticks=$(($(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat) - machine_before))
  stop_server
  local json n
  json="$(sed -n 's/^wrk-json //p' "$WORK_DIR/measured.txt")"
  n="$(sed -n 's/.*"count2xx":\([0-9]*\).*/\1/p' <<<"$json")"
  ((n > 0)) || { cat "$WORK_DIR/measured.txt" >&2; die "no transfer was booked"; }
  echo "ours (H2, $( ((BATCH > 0)) && echo "batches of $BATCH" || echo "single transfers")): $n transfers in ${SECONDS_MEASURED}s;" \
    "wrk: $json"
  echo "  CPU per transfer: server $(awk -v t="$server_ticks" -v n="$n" -v hz="$CLK_TCK" 'BEGIN { printf "%.3f", 1000 * t / hz / n }') ms," \
    "whole machine $(awk -v t="$machine_ticks" -v n="$n" -v hz="$CLK_TCK" 'BEGIN { printf "%.3f", 1000 * t / hz / n }') ms"
}

measure_ours() {
  fresh_database "$DB"
  start_server
  setup_wallets
  wrk_run "$WARMUP_SECONDS" 1 >"$WORK_DIR/warmup.txt"
  if [[ $ANALYZE == true ]]; then q "$DB" "ANALYZE"; fi
  sleep "$STATS_SETTLE_SECONDS"
  local before after rows_before rows_after groups_before groups_after sum_before sum_after
  local server_before pids=() pid backend_before=0 backend_after=0
  mapfile -t pids < <(backends "$DB")
  for pid in "${pids[@]}"; do backend_before=$((backend_before + $(ticks "$pid"))); done
  server_before="$(ticks "$SERVER_PID")"
  rows_before="$(q "$DB" "SELECT COUNT(*) FROM transfers")"
  groups_before="$(metric socialbank_ledger_group_size_transfers_count)"
  sum_before="$(metric socialbank_ledger_group_size_transfers_sum)"
  before="$(snapshot "$DB")"
  tables "$DB" >"$WORK_DIR/tables-before.txt"
  wrk_run "$SECONDS_MEASURED" 2 >"$WORK_DIR/measured.txt"
  sleep "$STATS_SETTLE_SECONDS"
  after="$(snapshot "$DB")"
  tables "$DB" >"$WORK_DIR/tables-after.txt"
  rows_after="$(q "$DB" "SELECT COUNT(*) FROM transfers")"
  groups_after="$(metric socialbank_ledger_group_size_transfers_count)"
  sum_after="$(metric socialbank_ledger_group_size_transfers_sum)"
  for pid in $(backends "$DB"); do
    backend_after=$((backend_after + $(ticks "$pid")))
  done
  local server_ticks=$(($(ticks "$SERVER_PID") - server_before))
  stop_server
  local n=$((rows_after - rows_before))
  ((n > 0)) || die "no transfer was booked"
  echo "ours: $n transfers in ${SECONDS_MEASURED}s ($(awk -v n="$n" -v s="$SECONDS_MEASURED" 'BEGIN { printf "%.0f", n / s }')/s)," \
    "$(awk -v g="$((groups_after - groups_before))" -v s1="$sum_before" -v s2="$sum_after" \
      'BEGIN { if (g > 0) printf "%d groups, %.2f transfers per group", g, (s2 - s1) / g; else print "no groups" }')"
  echo "  CPU per transfer: PostgreSQL backends $(awk -v t="$((backend_after - backend_before))" -v n="$n" -v hz="$CLK_TCK" 'BEGIN { printf "%.3f", 1000 * t / hz / n }') ms," \
    "server $(awk -v t="$server_ticks" -v n="$n" -v hz="$CLK_TCK" 'BEGIN { printf "%.3f", 1000 * t / hz / n }') ms"
  per_op "$before" "$after" "$n"
  table_deltas "$WORK_DIR/tables-before.txt" "$WORK_DIR/tables-after.txt" "$n"
  wal_of "$DB" "$(awk '{ print $NF }' <<<"$before")" "$(awk '{ print $NF }' <<<"$after")" "$n"
}

measure_pgbench() {
  local db="${DB}_pgb"
  fresh_database "$db"
  pgbench -i -q -s "$PGBENCH_SCALE" -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$db" >"$WORK_DIR/pgbench-init.txt" 2>&1
  sleep "$STATS_SETTLE_SECONDS"
  local before after
  before="$(snapshot "$db")"
  : >"$WORK_DIR/pgbench-ticks.txt"
  sample_backends "$db" "$WORK_DIR/pgbench-ticks.txt" &
  local sampler=$!
  pgbench -b tpcb-like -c "$CONCURRENCY" -j 2 -T "$SECONDS_MEASURED" -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" \
    "$db" >"$WORK_DIR/pgbench.txt" 2>&1
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  sleep "$STATS_SETTLE_SECONDS"
  after="$(snapshot "$db")"
  local n
  n="$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$WORK_DIR/pgbench.txt")"
  ((n > 0)) || die "pgbench processed nothing"
  echo "pgbench tpcb-like: $n transactions in ${SECONDS_MEASURED}s"
  echo "  CPU per transaction: PostgreSQL backends $(awk -v t="$(backend_ticks "$WORK_DIR/pgbench-ticks.txt")" -v n="$n" -v hz="$CLK_TCK" 'BEGIN { printf "%.3f", 1000 * t / hz / n }') ms (sampled every 0.2 s)"
  per_op "$before" "$after" "$n"
  wal_of "$db" "$(awk '{ print $NF }' <<<"$before")" "$(awk '{ print $NF }' <<<"$after")" "$n"
}

cleanup() {
  stop_server
  [[ -z $WORK_DIR ]] || echo "ledger-work.sh: logs in $WORK_DIR" >&2
}

trap cleanup EXIT
trap 'exit 130' INT TERM
WORK_DIR="$(mktemp -d /tmp/ledger-work.XXXXXX)"
echo "ledger-work $(date -u +%Y-%m-%dT%H:%M:%SZ) analyze=$ANALYZE jar $SERVER_JAR ${SERVER_ARGS[*]} ${JAVA_ARGS[*]}"
echo "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
if [[ $H2 == true ]]; then measure_h2; else measure_ours; fi
if [[ $PGBENCH == true ]]; then measure_pgbench; fi
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
