#!/usr/bin/env bash
# Side-by-side benchmark on this machine: our POST /api/v1/transfers on H2 and on PostgreSQL,
# and pgbench's built-in tpcb-like script on the same PostgreSQL, in alternating rounds.
# Prints each round, the medians, and the ratios ours/pgbench. See docs/benchmarks.md.
#
# Everything runs on 127.0.0.1. PostgreSQL must be reachable there as user postgres (no
# password, or PGPASSWORD set). The databases sb_bench and sb_pgbench are dropped and re-created.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/run.sh [--concurrency C] [--duration-seconds D] [--rounds R]
                    [--warmup-seconds W] [--accounts N] [--client wrk|java]
                    [--chats N] [--chat-payees ring|own] [--hot-account] [--batch N] [--two-nodes] [--server-jar PATH]
                    [--ids random|time-ordered] [--server-arg ARG]... [--only MODES] [--keep-work-dir]
  --concurrency       clients, for our load generator and for pgbench -c (default 16)
  --duration-seconds  measured seconds per run, ours and pgbench -T alike (default 30)
  --rounds            alternating rounds; the medians are over these (default 3, max 20)
  --warmup-seconds    unmeasured seconds before each of our runs (default 5)
  --accounts          customer wallets our load generator moves money between (default 100)
  --client            what drives our server: wrk (C, about pgbench's client cost; the
                      default when wrk is installed) or java (our generator, which also
                      checks every answer; the default otherwise)
  --chats             Telegram chats of the end-to-end chat benchmark, run on PostgreSQL in
                      each round (default 16; 0 leaves it out)
  --chat-payees       whom each chat pays: ring (default: its neighbour, so every wallet is in
                      two payments at once and they wait for each other's account locks) or own
                      (a payee of its own with no chat: no two payments in flight share an account)
  --hot-account       also run ours on PostgreSQL with every transfer crediting one merchant
                      wallet (needs --client wrk), and print its ratio to the uniform run
  --batch             also run ours on H2 with N transfers per request to
                      POST /api/v1/transfers/batch (needs --client wrk; figures in transfers/s)
  --two-nodes         also run ours on PostgreSQL with two server nodes on the same database,
                      each driven by its own wrk with half the connections (needs --client
                      wrk); prints the sum and its ratio to the one-node run
  --ids               the transfer ids wrk sends: random (default: version-4 UUIDs) or
                      time-ordered (version-7 UUIDs, each after the one before; the journal's
                      index on the id then grows at its end: docs/ledger.md, "Transfer ids")
  --server-arg        one more argument for every server of the run, e.g.
                      --server-arg --socialbank.ledger.group-commit=false (repeatable)
  --only              run only these modes, comma-separated: h2, batch, pg, pg2, hot, chat,
                      pgbench (default: all the flags above ask for); ratios to a mode not run
                      print n/a, e.g. --only chat --chats 16 to profile the chat path alone
  --server-jar        server jar to run (default: target/socialbank.jar, built if missing)
  --keep-work-dir     keep server logs and raw outputs even when the run succeeds
environment: SOCIALBANK_BENCH_DB and SOCIALBANK_BENCH_PGBENCH_DB name the databases that are
dropped and re-created (default sb_bench and sb_pgbench), for two runs on one PostgreSQL at once
EOF
}

CONCURRENCY=16
DURATION_SECONDS=30
ROUNDS=3
ROUNDS_MAX=20
WARMUP_SECONDS=5
ACCOUNTS=100
SERVER_JAR=""
KEEP_WORK_DIR=false
ONLY=""
CLIENT=""
CHATS=16
CHAT_PAYEES=ring
HOT=false
TWO_NODES=false
BATCH=0
WRK_MODE=uniform
IDS=random
SERVER_ARGS=()
EXTRA_SERVER_ARGS=()
PRESET_PORT=""
CLK_TCK="$(getconf CLK_TCK)"


PG_HOST=127.0.0.1
PG_USER=postgres
PG_PORT=5432
# Two people benchmarking on one PostgreSQL at once: give each run its own databases.
OURS_DB="${SOCIALBANK_BENCH_DB:-sb_bench}"
PGBENCH_DB="${SOCIALBANK_BENCH_PGBENCH_DB:-sb_pgbench}"
PGBENCH_SCALE=10
PGBENCH_THREADS_MAX=2

# Bounds on every wait, so that a wedged server or database ends the run instead of hanging it.
HEALTH_WAIT_SECONDS=180
STOP_WAIT_SECONDS=30
PGBENCH_INIT_TIMEOUT_SECONDS=600
FREE_PORT_TRIES_MAX=50
IDLE_PERCENT_MIN=80

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_JAR="$REPO_ROOT/bench/target/socialbank-bench.jar"
TEMURIN_25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java

WORK_DIR=""
SERVER_PID=""
CHILD_PID=""
# The first node of a two-node run and the second node's wrk, while they run.
FIRST_NODE_PID=""
SECOND_CLIENT_PID=""
# Set (to anything) to start a server on the database as it is, for a second node.
KEEP_DATABASE=""
SERVER_PORT=""
TOKEN=""
# The assistant trains its models on a first start (the English MiniLM head takes minutes of CPU)
# and caches them; every server of a run shares this cache, and each run waits for its server to
# go idle before it measures, so no training or start-up job is counted as transfer work.
ASSISTANT_CACHE="${SOCIALBANK_BENCH_ASSISTANT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/socialbank-bench/assistant}"
IDLE_WAIT_SECONDS=1200

die() {
  echo "run.sh: $*" >&2
  exit 1
}

int_in_range() { # name value min max
  # No leading zeros: bash arithmetic would read them as octal.
  if ! [[ $2 =~ ^(0|[1-9][0-9]{0,8})$ ]] || (($2 < $3 || $2 > $4)); then
    die "$1 must be an integer in $3..$4: $2"
  fi
}

parse_args() {
  # Each pass consumes one or two arguments, so the loop ends after at most $# passes.
  while (($# > 0)); do
    case "$1" in
      --concurrency) CONCURRENCY="${2:?}"; shift 2 ;;
      --duration-seconds) DURATION_SECONDS="${2:?}"; shift 2 ;;
      --rounds) ROUNDS="${2:?}"; shift 2 ;;
      --warmup-seconds) WARMUP_SECONDS="${2:?}"; shift 2 ;;
      --accounts) ACCOUNTS="${2:?}"; shift 2 ;;
      --server-jar) SERVER_JAR="${2:?}"; shift 2 ;;
      --client) CLIENT="${2:?}"; shift 2 ;;
      --chats) CHATS="${2:?}"; shift 2 ;;
      --hot-account) HOT=true; shift ;;
      --two-nodes) TWO_NODES=true; shift ;;
      --chat-payees) CHAT_PAYEES="${2:?}"; shift 2 ;;
      --batch) BATCH="${2:?}"; shift 2 ;;
      --ids) IDS="${2:?}"; shift 2 ;;
      --server-arg) EXTRA_SERVER_ARGS+=("${2:?}"); shift 2 ;;
      --only) ONLY="${2:?}"; shift 2 ;;
      --keep-work-dir) KEEP_WORK_DIR=true; shift ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; die "unknown argument: $1" ;;
    esac
  done
  int_in_range --concurrency "$CONCURRENCY" 1 4096
  int_in_range --duration-seconds "$DURATION_SECONDS" 1 3600
  int_in_range --rounds "$ROUNDS" 1 "$ROUNDS_MAX"
  int_in_range --warmup-seconds "$WARMUP_SECONDS" 0 600
  int_in_range --accounts "$ACCOUNTS" 2 100000
  if ((CHATS != 0)); then int_in_range --chats "$CHATS" 2 1000; fi
  [[ $CHAT_PAYEES == ring || $CHAT_PAYEES == own ]] || die "--chat-payees must be ring or own"
  if [[ -z $CLIENT ]]; then
    if command -v wrk >/dev/null; then CLIENT=wrk; else CLIENT=java; fi
  fi
  [[ $CLIENT == wrk || $CLIENT == java ]] || die "--client must be wrk or java: $CLIENT"
  [[ $HOT == false || $CLIENT == wrk ]] || die "--hot-account needs --client wrk"
  if ((BATCH != 0)); then int_in_range --batch "$BATCH" 2 64; fi
  [[ $BATCH == 0 || $CLIENT == wrk ]] || die "--batch needs --client wrk"
  [[ $TWO_NODES == false || $CLIENT == wrk ]] || die "--two-nodes needs --client wrk"
  [[ $IDS == random || $IDS == time-ordered ]] || die "--ids must be random or time-ordered: $IDS"
  [[ $IDS == random || $CLIENT == wrk ]] || die "--ids time-ordered needs --client wrk"
}

check_tools() {
  local tool
  for tool in java mvn curl pgbench psql createdb dropdb timeout awk /usr/bin/time; do
    command -v "$tool" >/dev/null || die "missing tool: $tool"
  done
}

server_java() {
  # The newest JDK runs the server when it is installed; the bench client uses java on PATH.
  if [[ -x $TEMURIN_25 ]]; then echo "$TEMURIN_25"; else command -v java; fi
}

# Maven's output goes to a log, shown only when the build fails: the report stays readable.
maven() { # log args...
  local log="$1"
  shift
  mvn -q -B "$@" >"$log" 2>&1 || { cat "$log" >&2; die "mvn $* failed"; }
}

build() {
  if [[ -z $SERVER_JAR ]]; then
    SERVER_JAR="$REPO_ROOT/target/socialbank.jar"
    if [[ ! -f $SERVER_JAR ]]; then
      echo "building the server jar (mvn -q -DskipTests package)" >&2
      maven "$WORK_DIR/build-server.log" -f "$REPO_ROOT/pom.xml" -DskipTests package
    fi
  fi
  [[ -f $SERVER_JAR ]] || die "no server jar at $SERVER_JAR"
  SERVER_JAR="$(cd "$(dirname "$SERVER_JAR")" && pwd)/$(basename "$SERVER_JAR")"
  echo "building the bench jar (mvn -q -f bench/pom.xml package)" >&2
  maven "$WORK_DIR/build-bench.log" -f "$REPO_ROOT/bench/pom.xml" package
}

free_port() {
  local try port
  for ((try = 0; try < FREE_PORT_TRIES_MAX; try++)); do
    port=$((20000 + RANDOM % 40000))
    # A refused connection means nobody listens there.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  die "no free port after $FREE_PORT_TRIES_MAX tries"
}

psql_admin() { # command args...
  local command="$1"
  shift
  # Hides the NOTICE of dropdb --if-exists on a fresh cluster.
  PGOPTIONS='-c client_min_messages=warning' \
    "$command" -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"
}

fresh_database() {
  psql_admin dropdb --if-exists "$1"
  psql_admin createdb "$1"
}

start_server() { # store dir
  local store="$1" dir="$2"
  CURRENT_STORE="$store"
  local -a env_vars=("SOCIALBANK_API_TOKEN=$TOKEN" "SOCIALBANK_OTP_PEPPER=$PEPPER"
    "SOCIALBANK_NOTIFICATIONS_BUDGET_KEY_PEPPER=$BUDGET_PEPPER"
    "SOCIALBANK_SANDBOXES_ALLOWED=true" "SOCIALBANK_DIRECTORY_LOOPBACK_BASE_URL_ALLOWED=true")
  if [[ $store == pg* ]]; then
    [[ -n $KEEP_DATABASE ]] || fresh_database "$OURS_DB"
    env_vars+=("SPRING_DATASOURCE_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/$OURS_DB"
      "SPRING_DATASOURCE_USERNAME=$PG_USER")
    if [[ -n ${PGPASSWORD:-} ]]; then env_vars+=("SPRING_DATASOURCE_PASSWORD=$PGPASSWORD"); fi
  fi
  SERVER_PORT="${PRESET_PORT:-$(free_port)}"
  # exec, so that $! is the JVM itself and stop_server signals it directly.
  (cd "$dir" && exec env "${env_vars[@]}" "$(server_java)" -jar "$SERVER_JAR" \
    --server.port="$SERVER_PORT" --server.address=127.0.0.1 \
    --socialbank.assistant.cache-dir="$ASSISTANT_CACHE" "${SERVER_ARGS[@]}" "${EXTRA_SERVER_ARGS[@]}" \
    >server.log 2>&1) &
  SERVER_PID=$!
  wait_healthy "$dir"
  wait_idle
}

# Waits until the server's JVM used under 5% of one core in each of two seconds in a row: the
# assistant's training (first start only), Flyway and the JIT's start-up work are then over.
wait_idle() {
  local second quiet=0 before after limit=$((CLK_TCK / 20))
  for ((second = 0; second < IDLE_WAIT_SECONDS; second++)); do
    before="$(process_ticks "$SERVER_PID")"
    sleep 1
    after="$(process_ticks "$SERVER_PID")"
    if ((after - before <= limit)); then
      quiet=$((quiet + 1))
      if ((quiet >= 2)); then
        ((second < 5)) || echo "server idle after ${second}s (start-up work, e.g. the assistant's first training)" >&2
        return
      fi
    else
      quiet=0
    fi
  done
  die "server not idle after ${IDLE_WAIT_SECONDS}s"
}

wait_healthy() { # dir
  local tenth url="http://127.0.0.1:$SERVER_PORT/actuator/health"
  for ((tenth = 0; tenth < HEALTH_WAIT_SECONDS * 2; tenth++)); do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 40 "$1/server.log" >&2; die "server exited"; }
    if curl -sS --max-time 2 -H "Authorization: Bearer $TOKEN" "$url" 2>/dev/null |
      grep -q '"UP"'; then
      return
    fi
    sleep 0.5
  done
  tail -n 40 "$1/server.log" >&2
  die "server not UP after ${HEALTH_WAIT_SECONDS}s"
}

stop_server() {
  [[ -n $SERVER_PID ]] || return 0
  local tenth
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  for ((tenth = 0; tenth < STOP_WAIT_SECONDS * 10; tenth++)); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# Runs a command in the background and waits for it: bash runs a trap only after a foreground
# command ends, but interrupts a wait at once. cleanup ends the command by its id.
run_child() { # timeout-seconds stdout-file stderr-file command...
  local seconds="$1" out="$2" err="$3" status=0
  shift 3
  timeout "$seconds" "$@" >"$out" 2>"$err" &
  CHILD_PID=$!
  wait "$CHILD_PID" || status=$?
  CHILD_PID=""
  return "$status"
}

stop_child() {
  [[ -n $CHILD_PID ]] || return 0
  # timeout passes the TERM on to the command it runs.
  kill -TERM "$CHILD_PID" 2>/dev/null || true
  wait "$CHILD_PID" 2>/dev/null || true
  CHILD_PID=""
}

json_number() { # name json
  sed -n "s/.*\"$1\":\(-\{0,1\}[0-9.]*\).*/\1/p" <<<"$2"
}

# CPU time in clock ticks: of the whole machine (busy, i.e. all but idle and iowait), and of one
# process (user + system, from /proc/PID/stat: fields 14 and 15, counted after the ')' of the name).
machine_busy_ticks() {
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}

process_ticks() { # pid
  sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

client_ticks() { # file written by /usr/bin/time -f '%U %S' (seconds)
  awk -v hz="$CLK_TCK" 'NF == 2 && $1 ~ /^[0-9.]+$/ { t = ($1 + $2) * hz } END { printf "%d\n", t }' "$1"
}

per_op_ms() { # ticks operations
  awk -v t="$1" -v n="$2" -v hz="$CLK_TCK" 'BEGIN { if (n > 0) printf "%.3f", 1000 * t / hz / n; else print "n/a" }'
}

# One measured wrk run against the server: the wallets are set up by the Java generator
# (--setup-only), a warmup run is thrown away, then the measured run. Sets LAST_JSON and the
# CPU ticks of the measured run (LAST_SERVER_TICKS, LAST_CLIENT_TICKS, LAST_MACHINE_TICKS).
run_wrk() { # dir round
  local dir="$1" round="$2" url="http://127.0.0.1:$SERVER_PORT" threads
  threads=$((CONCURRENCY < 2 ? CONCURRENCY : 2))
  run_child 600 "$dir/setup.out" "$dir/setup.log" env SOCIALBANK_API_TOKEN="$TOKEN" \
    java -jar "$BENCH_JAR" --url "$url" --accounts "$ACCOUNTS" --setup-only "$dir/wallets.txt" ||
    { cat "$dir/setup.log" >&2; die "wallet setup failed"; }
  if ((WARMUP_SECONDS > 0)); then
    run_child $((WARMUP_SECONDS + 120)) "$dir/warmup.txt" "$dir/warmup.err" \
      wrk -t "$threads" -c "$CONCURRENCY" -d "${WARMUP_SECONDS}s" -s "$REPO_ROOT/bench/wrk/transfers.lua" \
      "$url" -- "$dir/wallets.txt" "$TOKEN" $((round * 2)) EUR "$WRK_MODE" "$IDS" ||
      { cat "$dir/warmup.txt" "$dir/warmup.err" >&2; die "wrk warmup failed"; }
  fi
  if [[ ${CURRENT_STORE:-} == pg* ]]; then
    # statistics as a bank's database has them (pgbench -i analyzes its tables too); without them a
    # fresh database's cached plans scan the journal sequentially for the whole run
    psql_admin psql -d "$OURS_DB" -qc ANALYZE
  fi
  local server_before machine_before
  server_before="$(process_ticks "$SERVER_PID")" machine_before="$(machine_busy_ticks)"
  run_child $((DURATION_SECONDS + 120)) "$dir/wrk.txt" "$dir/wrk.err" \
    /usr/bin/time -o "$dir/client-time.txt" -f '%U %S' \
    wrk -t "$threads" -c "$CONCURRENCY" -d "${DURATION_SECONDS}s" --latency \
    -s "$REPO_ROOT/bench/wrk/transfers.lua" "$url" -- "$dir/wallets.txt" "$TOKEN" $((round * 2 + 1)) EUR \
    "$WRK_MODE" "$IDS" ||
    { cat "$dir/wrk.txt" "$dir/wrk.err" >&2; die "wrk failed"; }
  LAST_MACHINE_TICKS=$(($(machine_busy_ticks) - machine_before))
  LAST_SERVER_TICKS=$(($(process_ticks "$SERVER_PID") - server_before))
  LAST_CLIENT_TICKS="$(client_ticks "$dir/client-time.txt")"
  LAST_JSON="$(sed -n 's/^wrk-json //p' "$dir/wrk.txt")"
  [[ -n $LAST_JSON ]] || { cat "$dir/wrk.txt" >&2; die "no wrk-json line in $dir/wrk.txt"; }
}

run_java() { # dir round; sets LAST_JSON (no CPU split: its warmup runs in the same process)
  local dir="$1" round="$2"
  run_child $((WARMUP_SECONDS + DURATION_SECONDS + 300)) "$dir/bench.json" "$dir/bench.log" \
    env SOCIALBANK_API_TOKEN="$TOKEN" java -jar "$BENCH_JAR" \
    --url "http://127.0.0.1:$SERVER_PORT" --concurrency "$CONCURRENCY" \
    --duration-seconds "$DURATION_SECONDS" --warmup-seconds "$WARMUP_SECONDS" \
    --accounts "$ACCOUNTS" --seed "$round" --output json ||
    { cat "$dir/bench.log" >&2; die "bench failed"; }
  LAST_JSON="$(cat "$dir/bench.json")"
  LAST_MACHINE_TICKS="" LAST_SERVER_TICKS="" LAST_CLIENT_TICKS=""
}

cpu_line() { # operations; prints the CPU per operation of the last run, or nothing
  [[ -n $LAST_MACHINE_TICKS ]] || return 0
  local rest=$((LAST_MACHINE_TICKS - ${LAST_SERVER_TICKS:-0} - LAST_CLIENT_TICKS))
  printf '  cpu/op ms: server %s  client %s  database+rest %s  machine %s' \
    "$(per_op_ms "${LAST_SERVER_TICKS:-0}" "$1")" "$(per_op_ms "$LAST_CLIENT_TICKS" "$1")" \
    "$(per_op_ms "$rest" "$1")" "$(per_op_ms "$LAST_MACHINE_TICKS" "$1")"
}

# Two server nodes on one PostgreSQL database (issue 22 section 4): node A sets the wallets up,
# then each node gets half the connections from its own wrk, both measured over the same
# seconds. Throughput is the sum; the latency printed is the slower node's; the server CPU is
# both JVMs'. Exactly-once across nodes is a test (TwoNodesIntegrationTests), not measured here.
run_two_nodes() { # round; sets LAST_TPS
  local round="$1" dir="$WORK_DIR/ours-pg2-$round" half=$((CONCURRENCY / 2)) threads=1
  ((half >= 1)) || die "--two-nodes needs --concurrency 2 or more"
  mkdir -p "$dir/a" "$dir/b"
  start_server pg "$dir/a"
  FIRST_NODE_PID="$SERVER_PID"
  local port_a="$SERVER_PORT" port_b
  KEEP_DATABASE=yes start_server pg "$dir/b"
  port_b="$SERVER_PORT"
  run_child 600 "$dir/setup.out" "$dir/setup.log" env SOCIALBANK_API_TOKEN="$TOKEN" \
    java -jar "$BENCH_JAR" --url "http://127.0.0.1:$port_a" --accounts "$ACCOUNTS" --setup-only "$dir/wallets.txt" ||
    { cat "$dir/setup.log" >&2; die "wallet setup failed"; }
  local phase seconds seed_a seed_b
  for phase in warmup measured; do
    if [[ $phase == warmup ]]; then
      ((WARMUP_SECONDS > 0)) || continue
      seconds="$WARMUP_SECONDS" seed_a=$((round * 4)) seed_b=$((round * 4 + 1))
    else
      seconds="$DURATION_SECONDS" seed_a=$((round * 4 + 2)) seed_b=$((round * 4 + 3))
    fi
    local before_a before_b machine_before
    before_a="$(process_ticks "$FIRST_NODE_PID")" before_b="$(process_ticks "$SERVER_PID")"
    machine_before="$(machine_busy_ticks)"
    timeout $((seconds + 120)) /usr/bin/time -o "$dir/b/$phase-time.txt" -f '%U %S' \
      wrk -t "$threads" -c "$half" -d "${seconds}s" --latency -s "$REPO_ROOT/bench/wrk/transfers.lua" \
      "http://127.0.0.1:$port_b" -- "$dir/wallets.txt" "$TOKEN" "$seed_b" EUR uniform "$IDS" \
      >"$dir/b/$phase.txt" 2>"$dir/b/$phase.err" &
    SECOND_CLIENT_PID=$!
    run_child $((seconds + 120)) "$dir/a/$phase.txt" "$dir/a/$phase.err" \
      /usr/bin/time -o "$dir/a/$phase-time.txt" -f '%U %S' \
      wrk -t "$threads" -c "$half" -d "${seconds}s" --latency -s "$REPO_ROOT/bench/wrk/transfers.lua" \
      "http://127.0.0.1:$port_a" -- "$dir/wallets.txt" "$TOKEN" "$seed_a" EUR uniform "$IDS" ||
      { cat "$dir/a/$phase.txt" "$dir/a/$phase.err" >&2; die "wrk (node A) failed"; }
    wait "$SECOND_CLIENT_PID" || { cat "$dir/b/$phase.txt" "$dir/b/$phase.err" >&2; die "wrk (node B) failed"; }
    SECOND_CLIENT_PID=""
    LAST_MACHINE_TICKS=$(($(machine_busy_ticks) - machine_before))
    LAST_SERVER_TICKS=$(($(process_ticks "$FIRST_NODE_PID") - before_a + $(process_ticks "$SERVER_PID") - before_b))
    LAST_CLIENT_TICKS=$(($(client_ticks "$dir/a/$phase-time.txt") + $(client_ticks "$dir/b/$phase-time.txt")))
  done
  stop_server
  SERVER_PID="$FIRST_NODE_PID" FIRST_NODE_PID=""
  stop_server
  local json_a json_b non2xx
  json_a="$(sed -n 's/^wrk-json //p' "$dir/a/measured.txt")" json_b="$(sed -n 's/^wrk-json //p' "$dir/b/measured.txt")"
  [[ -n $json_a && -n $json_b ]] || die "no wrk-json line in $dir/{a,b}/measured.txt"
  LAST_TPS="$(awk -v a="$(json_number transfersPerSecond "$json_a")" -v b="$(json_number transfersPerSecond "$json_b")" \
    'BEGIN { printf "%.1f", a + b }')"
  non2xx=$(($(json_number countNon2xx "$json_a") + $(json_number errors "$json_a") +
    $(json_number countNon2xx "$json_b") + $(json_number errors "$json_b")))
  slower() { awk -v a="$(json_number "$1" "$json_a")" -v b="$(json_number "$1" "$json_b")" 'BEGIN { print (a > b ? a : b) }'; }
  printf 'round %d  ours-pg2 tps %9.1f  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  non-2xx %d%s\n' \
    "$round" "$LAST_TPS" "$(slower p50Ms)" "$(slower p99Ms)" "$(slower p999Ms)" "$non2xx" \
    "$(cpu_line "$(awk -v t="$LAST_TPS" -v d="$DURATION_SECONDS" 'BEGIN { printf "%d", t * d }')")"
}

run_ours() { # store round; sets LAST_TPS
  local store="$1" round="$2" dir json
  dir="$WORK_DIR/ours-$store-$round"
  mkdir -p "$dir"
  start_server "$store" "$dir"
  if [[ $CLIENT == wrk ]]; then run_wrk "$dir" "$round"; else run_java "$dir" "$round"; fi
  stop_server
  json="$LAST_JSON"
  LAST_TPS="$(json_number transfersPerSecond "$json")"
  local non2xx
  if [[ $CLIENT == wrk ]]; then
    non2xx=$(($(json_number countNon2xx "$json") + $(json_number errors "$json")))
  else
    non2xx=$(($(json_number count4xx "$json") + $(json_number count5xx "$json") +
      $(json_number countOther "$json") + $(json_number errors "$json")))
  fi
  printf 'round %d  ours-%-4s tps %9.1f  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  non-2xx %d%s\n' \
    "$round" "$store" "$LAST_TPS" "$(json_number p50Ms "$json")" \
    "$(json_number p99Ms "$json")" "$(json_number p999Ms "$json")" "$non2xx" \
    "$(cpu_line "$(awk -v t="$LAST_TPS" -v d="$DURATION_SECONDS" 'BEGIN { printf "%d", t * d }')")"
}

# The end-to-end chat benchmark (bench/src/main/java/org/socialbank/bench/ChatBench.java) on
# PostgreSQL: the server in demo mode (the SMS inbox the linking reads) with a Telegram bot whose
# Bot API is the bench's fake, sending as fast as the fake takes it, and payment rules that do
# not hold the bench's many small payments (the risk rules are not what is measured here).
run_chat() { # round; sets LAST_TPS (max chat payments/s)
  local round="$1" dir="$WORK_DIR/ours-chat-$1" fake_port secret json
  mkdir -p "$dir"
  fake_port="$(free_port)"
  secret="bench-secret-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  local bot="--socialbank.channels.telegram.bots.bench"
  SERVER_ARGS=(--socialbank.demo.enabled=true --socialbank.web.secure-cookies=false
    "$bot.token=999000:bench" "$bot.secret-token=$secret" "$bot.username=BenchBot"
    "$bot.api-base-url=http://127.0.0.1:$fake_port" "$bot.messages-per-second=1000"
    "$bot.chat-messages-per-second=100"
    --socialbank.payments.risk.burst-payments-max=10000 --socialbank.payments.risk.burst-window=1s
    --socialbank.payments.risk.new-channel-window=1s
    --socialbank.payments.risk.new-channel-confirmations-min=0
    --socialbank.payments.risk.new-payees-per-day-max=1000
    --socialbank.payments.payee-lookups-per-hour=10000)
  # The bench (and its fake Bot API) starts first: the server's health asks the Bot API.
  PRESET_PORT="$(free_port)"
  timeout $((WARMUP_SECONDS + 2 * DURATION_SECONDS + 900)) \
    env SOCIALBANK_API_TOKEN="$TOKEN" SOCIALBANK_BENCH_BOT_SECRET="$secret" \
    java -cp "$BENCH_JAR" org.socialbank.bench.ChatBench --url "http://127.0.0.1:$PRESET_PORT" \
    --fake-port "$fake_port" --bot bench --chats "$CHATS" --warmup-seconds "$WARMUP_SECONDS" \
    --duration-seconds "$DURATION_SECONDS" --seed "$round" --payees "$CHAT_PAYEES" --output json \
    >"$dir/chat.json" 2>"$dir/chat.log" &
  CHILD_PID=$!
  start_server pg "$dir"
  SERVER_ARGS=() PRESET_PORT=""
  local status=0
  wait "$CHILD_PID" || status=$?
  CHILD_PID=""
  stop_server
  ((status == 0)) || { cat "$dir/chat.log" >&2; die "chat bench failed"; }
  json="$(cat "$dir/chat.json")"
  LAST_TPS="$(json_number maxPaymentsPerSecond "$json")"
  printf 'round %d  ours-chat max %7.1f payments/s; at %.1f/s: p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  timeouts %d\n' \
    "$round" "$LAST_TPS" "$(json_number rate "$json")" "$(json_number p50Ms "$json")" \
    "$(json_number p99Ms "$json")" "$(json_number p999Ms "$json")" "$(json_number timeouts "$json")"
}

pgbench_tps() { # output file
  # pgbench 14+ prints "(without initial connection time)"; older ones "excluding connections".
  local line
  line="$(grep -E '^tps = .*(without initial connection time|excluding connections)' "$1" ||
    grep -E '^tps = ' "$1" | head -n 1)" || die "no tps line in $1"
  sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$line"
}

run_pgbench() { # round; sets LAST_TPS
  local round="$1" out="$WORK_DIR/pgbench-$1.txt" latency
  fresh_database "$PGBENCH_DB"
  local init="$WORK_DIR/pgbench-init-$round.txt"
  local threads=$((CONCURRENCY < PGBENCH_THREADS_MAX ? CONCURRENCY : PGBENCH_THREADS_MAX))
  run_child "$PGBENCH_INIT_TIMEOUT_SECONDS" "$init" "$init.err" \
    pgbench -i -q -s "$PGBENCH_SCALE" -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$PGBENCH_DB" ||
    { cat "$init" "$init.err" >&2; die "pgbench -i failed"; }
  local machine_before
  machine_before="$(machine_busy_ticks)"
  run_child $((DURATION_SECONDS + 300)) "$out" "$out.err" \
    /usr/bin/time -o "$out.time" -f '%U %S' \
    pgbench -b tpcb-like -c "$CONCURRENCY" -j "$threads" -T "$DURATION_SECONDS" \
    -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$PGBENCH_DB" ||
    { cat "$out" "$out.err" >&2; die "pgbench failed"; }
  LAST_MACHINE_TICKS=$(($(machine_busy_ticks) - machine_before))
  LAST_SERVER_TICKS="" LAST_CLIENT_TICKS="$(client_ticks "$out.time")"
  LAST_TPS="$(pgbench_tps "$out")"
  latency="$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$out")"
  printf 'round %d  pgbench   tps %9.1f  latency average %s ms%s\n' \
    "$round" "$LAST_TPS" "${latency:-?}" \
    "$(cpu_line "$(awk -v t="$LAST_TPS" -v d="$DURATION_SECONDS" 'BEGIN { printf "%d", t * d }')")"
}

median() { # prints 0.0 for no figures (a mode --only left out)
  if (($# == 0)); then echo 0.0; return; fi
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    printf "%.1f\n", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f\n", a / b; else print "n/a" }'
}

print_header() {
  echo "socialbank bench $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "command: bench/run.sh --concurrency $CONCURRENCY --duration-seconds $DURATION_SECONDS" \
    "--rounds $ROUNDS --warmup-seconds $WARMUP_SECONDS --accounts $ACCOUNTS --client $CLIENT" \
    "--chats $CHATS --chat-payees $CHAT_PAYEES$([[ $HOT == true ]] && echo " --hot-account")$([[ $TWO_NODES == true ]] && echo " --two-nodes")$( ((BATCH > 0)) && echo " --batch $BATCH")$([[ $IDS != random ]] && echo " --ids $IDS")$([[ -n $ONLY ]] && echo " --only $ONLY")" \
    "${EXTRA_SERVER_ARGS[@]/#/--server-arg }"
  echo "machine: nproc $(nproc), $(lscpu | sed -n 's/^Model name: *//p'), memory" \
    "$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo) GiB"
  echo "server java: $("$(server_java)" -version 2>&1 | head -n 1); bench java:" \
    "$(java -version 2>&1 | head -n 1)"
  echo "postgresql: $(psql_admin psql -d postgres -tAc 'show server_version'); $(pgbench --version)"
  echo "server jar: $SERVER_JAR"
  # Server, PostgreSQL and client share these cores: anything else running skews the figures.
  local idle
  idle="$(idle_percent)"
  echo "load average before start: $(cut -d ' ' -f 1-3 /proc/loadavg); idle ${idle}%"
  if ((idle < IDLE_PERCENT_MIN)); then
    echo "warning: the machine is busy before the start (idle ${idle}%);" \
      "figures will be low and noisy" >&2
  fi
}

idle_percent() { # over 2 seconds, from /proc/stat: (idle + iowait) / all
  local before after
  before="$(awk '/^cpu / { print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat)"
  sleep 2
  after="$(awk '/^cpu / { print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat)"
  awk -v b="$before" -v a="$after" 'BEGIN { split(b, x); split(a, y);
    printf "%d\n", (y[2] > x[2]) ? 100 * (y[1] - x[1]) / (y[2] - x[2]) : 0 }'
}

# Not run in $(...): a subshell would hide SERVER_PID from the cleanup trap.
# Whether --only asks for this mode (every mode when --only is not given).
wanted() { [[ -z $ONLY || ",$ONLY," == *",$1,"* ]]; }
# The last figure of a mode, or 0 when the mode was not run (its ratios then print n/a).
last() { if (($# > 0)); then echo "${@: -1}"; else echo 0; fi; }

ours_h2() { if wanted h2; then run_ours h2 "$1"; H2_TPS+=("$LAST_TPS"); fi; }
ours_pg() { if wanted pg; then run_ours pg "$1"; PG_TPS+=("$LAST_TPS"); fi; }
theirs() { if wanted pgbench; then run_pgbench "$1"; PGBENCH_TPS+=("$LAST_TPS"); fi; }
ours_hot() {
  if [[ $HOT == true ]] && wanted hot; then
    WRK_MODE=hot
    run_ours pg-hot "$1"
    WRK_MODE=uniform
    HOT_TPS+=("$LAST_TPS")
  fi
}
ours_batch() {
  if ((BATCH > 0)) && wanted batch; then
    WRK_MODE="batch:$BATCH"
    run_ours h2-batch "$1"
    WRK_MODE=uniform
    BATCH_TPS+=("$LAST_TPS")
  fi
}
ours_two() { if [[ $TWO_NODES == true ]] && wanted pg2; then run_two_nodes "$1"; TWO_TPS+=("$LAST_TPS"); fi; }
ours_chat() { if ((CHATS > 0)) && wanted chat; then run_chat "$1"; CHAT_TPS+=("$LAST_TPS"); fi; }

run_round() { # round; odd rounds start with ours, even rounds with pgbench, to spread drift
  local round="$1"
  if ((round % 2 == 1)); then
    ours_h2 "$round"; ours_batch "$round"; ours_pg "$round"; ours_two "$round"; ours_hot "$round"; ours_chat "$round"
    theirs "$round"
  else
    theirs "$round"; ours_chat "$round"; ours_hot "$round"; ours_two "$round"; ours_pg "$round"; ours_batch "$round"
    ours_h2 "$round"
  fi
  local pgb
  pgb="$(last "${PGBENCH_TPS[@]}")"
  echo "round $round  ours(PG)/pgbench $(ratio "$(last "${PG_TPS[@]}")" "$pgb")" \
    " ours(H2)/pgbench $(ratio "$(last "${H2_TPS[@]}")" "$pgb")" \
    "$(if ((CHATS > 0)); then echo " chat/pgbench $(ratio "$(last "${CHAT_TPS[@]}")" "$pgb")"; fi)"
}

cleanup() {
  local status=$?
  stop_child
  if [[ -n $SECOND_CLIENT_PID ]]; then kill -TERM "$SECOND_CLIENT_PID" 2>/dev/null || true; fi
  stop_server
  if [[ -n $FIRST_NODE_PID ]]; then SERVER_PID="$FIRST_NODE_PID" FIRST_NODE_PID="" && stop_server; fi
  if [[ -n $WORK_DIR ]]; then
    if ((status == 0)) && [[ $KEEP_WORK_DIR == false ]]; then
      rm -rf "$WORK_DIR"
    else
      echo "run.sh: logs kept in $WORK_DIR" >&2
    fi
  fi
}

main() {
  parse_args "$@"
  check_tools
  WORK_DIR="$(mktemp -d /tmp/socialbank-bench.XXXXXX)"
  build
  TOKEN="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  PEPPER="$(head -c 32 /dev/urandom | base64)" # one per run: two nodes of a bank share it
  BUDGET_PEPPER="$(head -c 32 /dev/urandom | base64)" # the send budgets' key: shared by the nodes too
  H2_TPS=() PG_TPS=() PGBENCH_TPS=() CHAT_TPS=() HOT_TPS=() BATCH_TPS=() TWO_TPS=() LAST_TPS=""
  print_header
  local round
  for ((round = 1; round <= ROUNDS; round++)); do
    run_round "$round"
  done
  local h2 pg pgb
  h2="$(median "${H2_TPS[@]}")" pg="$(median "${PG_TPS[@]}")" pgb="$(median "${PGBENCH_TPS[@]}")"
  echo "median of $ROUNDS rounds (transfers/s vs pgbench tps):" \
    "ours-h2 $h2  ours-pg $pg  pgbench $pgb"
  echo "ratio of medians: ours(PG)/pgbench $(ratio "$pg" "$pgb")" \
    " ours(H2)/pgbench $(ratio "$h2" "$pgb")"
  if [[ $HOT == true ]]; then
    local hot
    hot="$(median "${HOT_TPS[@]}")"
    echo "hot account (PostgreSQL): $hot transfers/s  hot/uniform $(ratio "$hot" "$pg")"
  fi
  if [[ $TWO_NODES == true ]]; then
    local two
    two="$(median "${TWO_TPS[@]}")"
    echo "two nodes (PostgreSQL): $two transfers/s  two/one $(ratio "$two" "$pg")  ours(2 nodes)/pgbench $(ratio "$two" "$pgb")"
  fi
  if ((BATCH > 0)); then
    echo "batched requests (H2, $BATCH transfers per request): $(median "${BATCH_TPS[@]}") transfers/s" \
      " batch/single $(ratio "$(median "${BATCH_TPS[@]}")" "$h2")"
  fi
  if ((CHATS > 0)); then
    local chat
    chat="$(median "${CHAT_TPS[@]}")"
    echo "chat payments/s (median of the closed-loop maxima): $chat  chat/pgbench $(ratio "$chat" "$pgb")"
  fi
  echo "load average at the end: $(cut -d ' ' -f 1-3 /proc/loadavg)"
}

trap cleanup EXIT
trap 'exit 130' INT TERM
main "$@"
