#!/usr/bin/env bash
# Tokenkeeper benchmarks: one command, loopback only, every run bounded in time.
#   bench/run.sh [all|ceiling|auth|create|list|startup|jmh|profile] ...
# Appends a dated section with every figure to bench/RESULTS.md. Environment:
#   DURATION (10s) per wrk run, RUNS (3, the median is reported), ROUNDS (5 of the hot-path scenarios),
#   CONNECTIONS (32), THREADS (2),
#   LIST_BIG (100000 tokens for the largest listing), CREATORS (300 owners the creation scenario spreads
#   over), BULK (1000000 tokens for the memory figure),
#   WARMUP (60s of Bearer load before the hot-path figures), JAVA_OPTS (JVM flags of the server under test,
#   by default those of the README's start command; JAVA_OPTS= runs the JVM's defaults), SERVER_JAR (a
#   runnable jar to measure instead of building this tree, e.g. an older commit's, for before/after figures),
#   DATABASE (h2, the embedded default; postgresql runs every server on a PostgreSQL the script starts
#   and stops itself, installing Debian's package if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/target
DURATION=${DURATION:-10s}
RUNS=${RUNS:-3}
ROUNDS=${ROUNDS:-5}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
LIST_BIG=${LIST_BIG:-100000}
CREATORS=${CREATORS:-300}
BULK=${BULK:-1000000}
JAVA_OPTS=${JAVA_OPTS--XX:+UseSerialGC}  # the flags of the README's start command
WARMUP=${WARMUP:-60s}
PORT=${PORT:-17990}
NGINX_PORT=${NGINX_PORT:-17991}
DATABASE=${DATABASE:-h2}
PG_PORT=${PG_PORT:-17992}
PG_DIR=$WORK/postgres
PG_BIN=
PG_PID=
BASE=http://127.0.0.1:$PORT
ADMIN_PW=bench-admin-pw
JAR=$(realpath -m "${SERVER_JAR:-$ROOT/tokenkeeper-server/target/tokenkeeper-server.jar}")
DRIVER_JAR=
SERVER_PID=
NGINX_PID=
REPORT=$WORK/report.md
SCENARIOS=("$@")
[ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(all)

log() { printf '[bench] %s\n' "$*" >&2; }
report() { printf '%s\n' "$*" >> "$REPORT"; }
wants() { local s; for s in "${SCENARIOS[@]}"; do [ "$s" = all ] || [ "$s" = "$1" ] && return 0; done; return 1; }

cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  [ -n "$PG_PID" ] && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

install_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v curl >/dev/null || missing+=(curl)
  if [ "$DATABASE" = postgresql ]; then
    compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

build() {
  if [ -n "${SERVER_JAR:-}" ]; then
    log "measuring $SERVER_JAR instead of building this tree's server"
  else
    log "building the server"
    ./mvnw -B -q install -DskipTests -pl tokenkeeper-server -am
  fi
  # the JDBC driver the server itself ships, for the tools that write straight into its database
  local driver
  driver=$(jar tf "$JAR" | grep -E "^BOOT-INF/lib/$([ "$DATABASE" = postgresql ] && echo postgresql || echo h2)-[0-9.]+\.jar$")
  (cd "$WORK" && jar xf "$JAR" "$driver")
  DRIVER_JAR=$WORK/$driver
}

# PostgreSQL refuses to run as root: as root, its server commands run as its own account.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A throwaway PostgreSQL cluster on a loopback port, with the package's default settings
# (every commit flushed to disk), its data under bench/target; stopped on exit.
start_postgres() {
  PG_BIN=$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n 1)
  rm -rf "$PG_DIR" && mkdir -p "$PG_DIR"
  [ "$(id -u)" != 0 ] || chown postgres "$PG_DIR"
  as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U tokenkeeper --auth=trust -E UTF8 >/dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w \
    -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DIR" start >/dev/null
  PG_PID=$(head -n 1 "$PG_DIR/data/postmaster.pid")
}

database_label() {
  if [ "$DATABASE" = postgresql ]; then
    echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') (loopback, default settings, started by the script)"
  else
    echo "H2 (embedded)"
  fi
}

psql_admin() {
  "$PG_BIN/psql" -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U tokenkeeper -d "${2:-postgres}" -qAt -c "$1"
}

# The database of the server whose data directory is HOME: H2 inside it, or one PostgreSQL
# database per data directory.
db_name() { basename "$1" | tr -c 'a-z0-9\n' _; }
jdbc_url() {
  if [ "$DATABASE" = postgresql ]; then
    echo "jdbc:postgresql://127.0.0.1:$PG_PORT/$(db_name "$1")"
  else
    echo "jdbc:h2:file:$1/db/tokenkeeper;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
  fi
}

# after_bulk_write HOME: on PostgreSQL, what autovacuum would do some time after a bulk insert
# (statistics, and the visibility map that index-only scans need), so that figures do not depend
# on whether it has run yet
after_bulk_write() {
  [ "$DATABASE" = h2 ] || psql_admin "VACUUM ANALYZE access_token" "$(db_name "$1")"
}

# fresh_home HOME: an empty data directory, and on PostgreSQL an empty database for it
fresh_home() {
  rm -rf "$1"
  if [ "$DATABASE" = postgresql ]; then
    psql_admin "DROP DATABASE IF EXISTS $(db_name "$1") WITH (FORCE)"
    psql_admin "CREATE DATABASE $(db_name "$1")"
  fi
}

# start_server HOME [extra --args...]; sets SERVER_PID and STARTUP_MS (launch to first answer)
start_server() {
  local home=$1; shift
  local started database=()
  [ "$DATABASE" = h2 ] || database=(--spring.datasource.url="$(jdbc_url "$home")" --spring.datasource.username=tokenkeeper)
  started=$(date +%s%N)
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$JAR" --server.port=$PORT --server.address=127.0.0.1 --tokenkeeper.home="$home" \
    --tokenkeeper.users.admin-password=$ADMIN_PW --tokenkeeper.security.throttle.enabled=false \
    --management.endpoints.web.exposure.include=health,metrics "${database[@]}" "$@" > "$home.log" 2>&1 &
  SERVER_PID=$!
  local deadline=$((SECONDS + 60))
  until curl -sf "$BASE/rest/tokenkeeper/1.0/version" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { log "server did not start"; tail -n 30 "$home.log" >&2; exit 1; }
    kill -0 "$SERVER_PID" 2>/dev/null || { log "server died"; tail -n 30 "$home.log" >&2; exit 1; }
    sleep 0.05
  done
  STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

# Converts wrk's latency ("812.00us", "1.23ms", "2.01s") to milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# cpu_ticks PID...: CPU time (user + system, in clock ticks) the processes and their children
# (nginx's worker, PostgreSQL's backends) have used so far.
cpu_ticks() {
  local root p ticks sum=0
  for root in "$@"; do
    for p in "$root" $(pgrep -P "$root"); do
      ticks=$(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null) || continue
      sum=$((sum + ${ticks:-0}))
    done
  done
  echo "$sum"
}

# children_ticks PID: CPU time (user + system, in clock ticks) of the children that process has
# waited for so far (a command substitution's own children count once it has ended)
children_ticks() { awk '{ print $16 + $17 }' "/proc/$1/stat"; }

# CPU time (in clock ticks) the server's request threads (Tomcat's http-nio-* workers and poller)
# have used so far: the process's time without the JIT compilers, the garbage collector and
# background work such as the minutely flush of token use, which land in whichever run is going on.
# Only live threads count: a worker Tomcat retires during a run (idle for a minute, so not under
# this load) would take its ticks with it.
request_ticks() {
  local t sum=0 ticks
  for t in /proc/"$1"/task/*; do
    [[ $(cat "$t/comm" 2>/dev/null) == http-nio-* ]] || continue
    ticks=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "$t/stat" 2>/dev/null) || continue
    sum=$((sum + ${ticks:-0}))
  done
  echo "$sum"
}

# wrk_median LABEL URL LUA [wrk options]; prints "rps p50 p99 cpu req_cpu wrk_cpu" (medians of RUNS
# runs), where cpu is the CPU time the process under test ($CPU_PID, else the server and PostgreSQL if
# it runs one) spent per request, in microseconds (unlike requests/s it hardly moves when a neighbour
# takes the machine's cores), req_cpu the part of it spent in the server's request threads (0 for
# $CPU_PID), and wrk_cpu wrk's own CPU time per request (its whole run, start and script set-up
# included): it shares the machine's cores, so a request that costs wrk more leaves the server less.
wrk_median() {
  local label=$1 url=$2 lua=$3; shift 3
  local pid=${CPU_PID:-$SERVER_PID} measured
  measured=${CPU_PID:-$SERVER_PID $PG_PID}
  local rps=() p50=() p99=() cpu=() req_cpu=() wrk_cpu=() out i before req_before wrk_before wrk_ticks requests
  local tick_us=$((1000000 / $(getconf CLK_TCK))) shell=$BASHPID
  for i in $(seq 1 "$RUNS"); do
    # shellcheck disable=SC2086
    before=$(cpu_ticks $measured)
    req_before=$(request_ticks "$pid")
    wrk_before=$(children_ticks "$shell")
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$@" -s "$lua" "$url")
    wrk_ticks=$(( $(children_ticks "$shell") - wrk_before ))
    requests=$(awk '/requests in/ { print $1 }' <<< "$out")
    wrk_cpu+=("$(awk -v t="$wrk_ticks" -v n="$requests" -v u="$tick_us" 'BEGIN { printf "%.1f", n ? t * u / n : 0 }')")
    # shellcheck disable=SC2086
    cpu+=("$(awk -v t="$(( $(cpu_ticks $measured) - before ))" -v n="$requests" -v u="$tick_us" 'BEGIN { printf "%.1f", n ? t * u / n : 0 }')")
    req_cpu+=("$(awk -v t="$(( $(request_ticks "$pid") - req_before ))" -v n="$requests" -v u="$tick_us" 'BEGIN { printf "%.1f", n ? t * u / n : 0 }')")
    rps+=("$(awk '/Requests\/sec/ { print $2 }' <<< "$out")")
    p50+=("$(to_ms "$(awk '$1 == "50%" { print $2 }' <<< "$out")")")
    p99+=("$(to_ms "$(awk '$1 == "99%" { print $2 }' <<< "$out")")")
    if grep -q 'Non-2xx' <<< "$out"; then log "$label: $(grep 'Non-2xx' <<< "$out")"; fi
  done
  log "$label: ${rps[*]} req/s, ${cpu[*]} us CPU/request (${req_cpu[*]} in request threads), wrk ${wrk_cpu[*]} us/request"
  echo "$(median "${rps[@]}") $(median "${p50[@]}") $(median "${p99[@]}") $(median "${cpu[@]}") $(median "${req_cpu[@]}") $(median "${wrk_cpu[@]}")"
}

# one_run KEY LABEL URL LUA: one wrk run, its "rps p50 p99 cpu req_cpu wrk_cpu" appended to $WORK/runs/KEY
one_run() { local key=$1; shift; RUNS=1 wrk_median "$@" >> "$WORK/runs/$key"; }

# refill_on_postgresql PATH: 3 s of unmeasured Bearer requests to PATH. A node on PostgreSQL keeps a
# cache entry at most 5 s, and a round runs longer than that without tokens (or without grants)
# before some scenarios: without this they would measure every entry's reload from the database
# rather than the request (on H2 entries live 5 minutes).
refill_on_postgresql() {
  [ "$DATABASE" = postgresql ] || return 0
  TOKENS=$WORK/seed/bench-tokens.txt BENCH_PATH=$1 DURATION=3s RUNS=1 \
    wrk_median "refill" "$BASE" "$ROOT/bench/lua/bearer.lua" >/dev/null
}

# medians KEY: the median of each column of the runs of KEY
medians() {
  local column out=()
  for column in 1 2 3 4 5 6; do out+=("$(median $(awk -v c="$column" '{ print $c }' "$WORK/runs/$1"))"); done
  echo "${out[*]}"
}

# paired KEY REF: how KEY compares with REF round by round (both run in every round, seconds apart,
# so a slow minute of the machine hits both): "median (lowest to highest)" of the rounds'
# requests/s ratios, then of their CPU-per-request, request-thread-CPU and wrk-CPU ratios (REF's
# over KEY's, so that 1.00 means as cheap as REF); a round with a zero figure counts as 0.
paired() {
  local column
  for column in 1 4 5 6; do
    local ratios
    ratios=$(paste -d ' ' "$WORK/runs/$1" "$WORK/runs/$2" | awk -v c="$column" '{ w = NF / 2; n = (c == 1) ? $c : $(c + w); d = (c == 1) ? $(c + w) : $c; printf "%.2f\n", d ? n / d : 0 }')
    printf '%s (%s to %s)|' "$(median $ratios)" "$(sort -g <<< "$ratios" | head -n 1)" "$(sort -g <<< "$ratios" | tail -n 1)"
  done
}

# The pool's connection checkouts so far (needs the actuator's metrics endpoint), or "n/a".
db_connections() {
  local json
  json=$(curl -sf "$BASE/actuator/metrics/hikaricp.connections.acquire") || { echo n/a; return; }
  sed -E 's/.*"statistic":"COUNT","value":([0-9.eE+]+).*/\1/' <<< "$json" | awk '{ printf "%d", $1 }'
}

seed() {
  java "$ROOT/bench/tools/Seed.java" "$BASE" "$ADMIN_PW" "$WORK/seed" "$@"
}

scenario_ceiling_and_auth() {
  local home=$WORK/auth-home
  fresh_home "$home"
  mkdir -p "$WORK/seed"
  start_server "$home"
  log "seeding 100 users x 100 tokens"
  seed 100 100 bench
  curl -sf -u admin:$ADMIN_PW -X POST -H 'Content-Type: application/json' \
    -d '{"key":"BENCH","name":"Bench","public":true}' "$BASE/rest/api/1.0/projects" >/dev/null
  curl -sf -u admin:$ADMIN_PW -X POST -H 'Content-Type: application/json' \
    -d '{"name":"app"}' "$BASE/rest/api/1.0/projects/BENCH/repos" >/dev/null

  mkdir -p "$WORK/nginx"
  cat > "$WORK/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { default_type application/json; return 200 '{"product":"Tokenkeeper","version":"reference"}'; }
  }
}
NGINX
  local nginx_bin; nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  "$nginx_bin" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
  NGINX_PID=$!
  sleep 0.5

  report "### Authentication hot path ($CONNECTIONS connections, $THREADS wrk threads, $ROUNDS rounds of $DURATION per scenario, median)"
  report ""
  report "| scenario | requests/s | p50 ms | p99 ms | CPU µs/request | of which request threads | wrk's CPU µs/request | vs (b'): requests/s | vs (b'): CPU/request |"
  report "|---|---|---|---|---|---|---|---|---|"
  local nginx tk tk_lua bearer bearer_version basic_token basic_pw authz
  # A fresh JVM on 2 cores needs about a minute of this load before its compilers are done:
  # warm every path up first (every token once, too), then measure.
  log "warming up for $WARMUP"
  TOKENS=$WORK/seed/bench-tokens.txt DURATION=$WARMUP RUNS=1 wrk_median warmup "$BASE" "$ROOT/bench/lua/bearer.lua" >/dev/null
  BENCH_PATH=/rest/tokenkeeper/1.0/version DURATION=15s RUNS=1 wrk_median warmup "$BASE" "$ROOT/bench/lua/path.lua" >/dev/null
  USERS=$WORK/seed/bench-users.txt DURATION=10s RUNS=1 BENCH_PATH=/rest/tokenkeeper/1.0/authorize?project=BENCH\&permission=PROJECT_READ \
    wrk_median warmup "$BASE" "$ROOT/bench/lua/basic-password.lua" >/dev/null
  # Round-robin: each round runs every scenario once, so a slow minute of the machine or a late
  # compilation hits all of them alike; the median of the rounds is reported.
  rm -rf "$WORK/runs" && mkdir -p "$WORK/runs"
  local round checkouts=0 b a
  local password_path=/rest/tokenkeeper/1.0/authorize?project=BENCH\&permission=PROJECT_READ
  local authorize_path="/rest/tokenkeeper/1.0/authorize?project=BENCH&repository=app&permission=REPO_READ"
  for round in $(seq 1 "$ROUNDS"); do
    CPU_PID=$NGINX_PID BENCH_PATH=/ one_run nginx "nginx fixed JSON" "http://127.0.0.1:$NGINX_PORT/" "$ROOT/bench/lua/path.lua"
    BENCH_PATH=/rest/tokenkeeper/1.0/version one_run tk "tokenkeeper unauthenticated" "$BASE" "$ROOT/bench/lua/path.lua"
    # (b'): the same request built per request by the token scenarios' script, with the token in a
    # header the server never reads, so that wrk spends as much of the machine's CPU on it as on
    # theirs and the server receives as many bytes; then those scenarios, right after it
    TOKENS=$WORK/seed/bench-tokens.txt BENCH_PATH=/rest/tokenkeeper/1.0/version AUTH_MODE=none \
      one_run tk_lua "tokenkeeper unauthenticated, per-request script" "$BASE" "$ROOT/bench/lua/bearer.lua"
    refill_on_postgresql /rest/tokenkeeper/1.0/version
    TOKENS=$WORK/seed/bench-tokens.txt BENCH_PATH=/rest/tokenkeeper/1.0/version \
      one_run bearer_version "bearer /version" "$BASE" "$ROOT/bench/lua/bearer.lua"
    # count the pool's connection checkouts across the measured Bearer runs
    b=$(db_connections)
    TOKENS=$WORK/seed/bench-tokens.txt one_run bearer "bearer /self" "$BASE" "$ROOT/bench/lua/bearer.lua"
    a=$(db_connections)
    if [ "$b" = n/a ] || [ "$a" = n/a ] || [ "$checkouts" = n/a ]; then checkouts=n/a; else checkouts=$((checkouts + a - b)); fi
    TOKENS=$WORK/seed/bench-tokens.txt TOKEN_USERS=$WORK/seed/bench-token-users.txt AUTH_MODE=basic-token \
      one_run basic_token "basic user:token /self" "$BASE" "$ROOT/bench/lua/bearer.lua"
    USERS=$WORK/seed/bench-users.txt BENCH_PATH=$password_path \
      one_run basic_pw "basic user:password authorize" "$BASE" "$ROOT/bench/lua/basic-password.lua"
    refill_on_postgresql "$authorize_path"
    TOKENS=$WORK/seed/bench-tokens.txt BENCH_PATH=$authorize_path one_run authz "bearer authorize" "$BASE" "$ROOT/bench/lua/bearer.lua"
  done
  nginx=($(medians nginx)); tk=($(medians tk)); tk_lua=($(medians tk_lua)); bearer=($(medians bearer))
  bearer_version=($(medians bearer_version)); basic_token=($(medians basic_token)); basic_pw=($(medians basic_pw)); authz=($(medians authz))
  # throughput over the ceiling's, and the ceiling's CPU per request over this one's: both 1.00 at the ceiling
  ratios() { awk -v r="$1" -v c="$2" -v tr="${tk_lua[0]}" -v tc="${tk_lua[3]}" 'BEGIN { printf "%.2f | %.2f", r / tr, tc / c }'; }
  row() { report "| $1 | $(printf '%.0f' "$2") | $3 | $4 | $5 | $6 | $7 | $(ratios "$2" "$5") |"; }
  row "(a) nginx, fixed small JSON (HTTP ceiling)" "${nginx[@]:0:4}" "-" "${nginx[5]}"
  row "(b) Tokenkeeper, unauthenticated /version (framework ceiling), one fixed request" "${tk[@]}"
  row "(b') the same, each request built by the token scenarios' script, the token in a header the server never reads (the reference of the ratios)" "${tk_lua[@]}"
  row "Bearer, GET /version: (b')'s request with a token, so authentication alone" "${bearer_version[@]}"
  row "1. Bearer, GET /self, 10,000 distinct tokens" "${bearer[@]}"
  row "2. Basic user:token, GET /self" "${basic_token[@]}"
  row "2. Basic user:password, GET /authorize (100 users)" "${basic_pw[@]}"
  row "Bearer, GET /authorize (project, repository, grant checks)" "${authz[@]}"
  report ""
  report "Round by round (each ratio from two runs of the same round, seconds apart), median and range over the $ROUNDS rounds:"
  report ""
  report "| over (b') in the same round | requests/s (target ≥ 0.9) | CPU per request | request threads' CPU per request | wrk's CPU per request |"
  report "|---|---|---|---|---|"
  report "| Bearer /version: authentication alone | $(paired bearer_version tk_lua) "
  report "| 1. Bearer /self | $(paired bearer tk_lua) "
  report ""
  report "Database connections checked out during the measured Bearer runs: $checkouts (for $(awk -v r="${bearer[0]}" -v n="$ROUNDS" -v d="${DURATION%s}" 'BEGIN { printf "%.0f", r * n * d }') requests; the batched lastAuthenticated flush runs once a minute)."
  report ""
  report "Scenario 1 over (a): $(awk -v a="${bearer[0]}" -v b="${nginx[0]}" 'BEGIN { printf "%.2f", a / b }'); scenario 2 (password) over scenario 1: $(awk -v a="${basic_pw[0]}" -v b="${bearer[0]}" 'BEGIN { printf "%.2f", a / b }') by requests/s, $(awk -v a="${basic_pw[3]}" -v b="${bearer[3]}" 'BEGIN { printf "%.2f", b / a }') by CPU per request."
  report ""
  kill "$NGINX_PID" 2>/dev/null || true; NGINX_PID=
  stop_server
}

scenario_create() {
  local home=$WORK/create-home
  fresh_home "$home"
  mkdir -p "$WORK/seed"
  start_server "$home"
  # Spread over many owners: each create counts its owner's tokens against the policy's limit
  # (100 by default), so one owner with tens of thousands of tokens would measure that count.
  log "seeding $CREATORS creators"
  seed "$CREATORS" 0 creator
  local users=$WORK/seed/creator-users.txt
  # one bcrypt per creator now, so that the measured runs see only the password success cache
  awk '{ print "-u " $1 ":" $2 " '"$BASE"'/rest/access-tokens/1.0/users/" $1 "?limit=1" }' "$users" \
    | xargs -P 4 -L 1 curl -sf -o /dev/null
  USERS=$users CONNECTIONS=8 THREADS=2 DURATION=30s RUNS=1 wrk_median "create warm-up" "$BASE" "$ROOT/bench/lua/create.lua" >/dev/null
  report "### Token creation (every token durable before the 200)"
  report ""
  report "| scenario | requests/s | p50 ms | p99 ms | CPU µs/request |"
  report "|---|---|---|---|---|"
  local one eight
  one=($(USERS=$users CONNECTIONS=1 THREADS=1 wrk_median "create sequential" "$BASE" "$ROOT/bench/lua/create.lua"))
  eight=($(USERS=$users CONNECTIONS=8 THREADS=2 wrk_median "create 8-way" "$BASE" "$ROOT/bench/lua/create.lua"))
  report "| PUT, 1 connection | $(printf '%.0f' "${one[0]}") | ${one[1]} | ${one[2]} | ${one[3]} |"
  report "| PUT, 8 connections | $(printf '%.0f' "${eight[0]}") | ${eight[1]} | ${eight[2]} | ${eight[3]} |"
  local created
  created=$(curl -sf -u "creator0:creator0-pw" "$BASE/rest/access-tokens/1.0/users/creator0?limit=1000" \
    | grep -o '"size":[0-9]*' | head -n 1 | cut -d: -f2)
  report ""
  report "Spread over $CREATORS owners (round robin, Basic user:password with its success cache); creator0 held ${created:-?} tokens at the end."
  stop_server
  local rate
  fresh_home "$WORK/commit-rate"
  if [ "$DATABASE" = postgresql ]; then
    rate=$(java -cp "$DRIVER_JAR" "$ROOT/bench/tools/CommitRate.java" "$(jdbc_url "$WORK/commit-rate")" tokenkeeper 20000)
  else
    rate=$(java -cp "$DRIVER_JAR" "$ROOT/bench/tools/CommitRate.java" "jdbc:h2:file:$WORK/commit-rate/rate;WRITE_DELAY=0" sa 20000)
  fi
  report ""
  report "Reference: $(database_label) alone commits $rate single-row transactions per second on this disk with the server's settings."
  report ""
}

scenario_list() {
  local home=$WORK/list-home
  fresh_home "$home"
  mkdir -p "$WORK/seed"
  start_server "$home"
  log "seeding listing owners (10, 1,000 and $LIST_BIG tokens)"
  seed 1 10 small
  seed 1 1000 medium
  seed 1 0 large
  # the API would take many minutes for the largest owner: write its tokens straight into the stopped server's database
  local large_id
  large_id=$(curl -sf -u admin:$ADMIN_PW "$BASE/rest/api/1.0/users/large0" | sed -E 's/.*"id":([0-9]+).*/\1/')
  stop_server
  java -cp "$DRIVER_JAR" "$ROOT/bench/tools/BulkTokens.java" "$(jdbc_url "$home")" "$large_id" "$LIST_BIG" "$WORK/list-sample.txt"
  after_bulk_write "$home"
  start_server "$home"
  report "### Listing one owner's tokens (sequential requests, limit 25)"
  report ""
  report "A page jumped to is found by counting to its start; a walk asks for each page's nextPageStart in turn, the way a client lists everything."
  report ""
  report "| tokens held | page | p50 ms | p99 ms |"
  report "|---|---|---|---|"
  local owner count middle page auth r seconds=5
  for owner in small:10 medium:1000 large:$LIST_BIG; do
    count=${owner#*:}; owner=${owner%%:*}
    middle=$(( count / 2 ))
    auth="Basic $(printf '%s' "${owner}0:${owner}0-pw" | base64 -w0)"
    for page in "first:0" "middle, jumped to:$middle"; do
      r=($(BENCH_PATH="/rest/access-tokens/1.0/users/${owner}0?limit=25&start=${page#*:}" \
        AUTH="$auth" CONNECTIONS=1 THREADS=1 DURATION=${seconds}s \
        wrk_median "list $owner ${page%%:*}" "$BASE" "$ROOT/bench/lua/path.lua"))
      report "| $count | ${page%%:*} (start=${page#*:}) | ${r[1]} | ${r[2]} |"
    done
    r=($(BENCH_PATH="/rest/access-tokens/1.0/users/${owner}0?limit=25" AUTH="$auth" CONNECTIONS=1 THREADS=1 DURATION=${seconds}s \
      wrk_median "list $owner walk" "$BASE" "$ROOT/bench/lua/walk.lua"))
    report "| $count | every page in turn, walked ($(awk -v n="${r[0]}" -v s="$seconds" 'BEGIN { printf "%.0f", n * s }') pages in $seconds s) | ${r[1]} | ${r[2]} |"
  done
  report ""
  report "Deleting each of these owners, with its tokens (one request each):"
  report ""
  report "| tokens held | seconds |"
  report "|---|---|"
  # the administrator's first password check after the restart is not part of any deletion
  curl -sf -o /dev/null -u admin:$ADMIN_PW "$BASE/rest/api/1.0/users/small0"
  local answer
  for owner in small:10 medium:1000 large:$LIST_BIG; do
    answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -u admin:$ADMIN_PW -X DELETE \
      "$BASE/rest/api/1.0/admin/users?name=${owner%%:*}0")
    [ "${answer%% *}" = 200 ] || { log "deleting ${owner%%:*}0 answered ${answer%% *}"; exit 1; }
    report "| ${owner#*:} | $(awk -v t="${answer#* }" 'BEGIN { printf "%.2f", t }') |"
  done
  report ""
  stop_server
}

# cold_start NAME: median over 3 launches, each on a fresh data directory, of launch to first answer (ms)
cold_start() {
  local times=() i
  for i in 1 2 3; do
    fresh_home "$WORK/$1-$i"
    start_server "$WORK/$1-$i"
    times+=("$STARTUP_MS")
    stop_server
  done
  log "$1: ${times[*]} ms"
  median "${times[@]}"
}

scenario_startup() {
  local home=$WORK/startup-home
  local cold cds_cold
  cold=$(cold_start cold)
  # the README's start command: the jar extracted, with a class data sharing archive written by one
  # training run, as the build makes them (made here again, so that SERVER_JAR gets its own)
  local cds=$WORK/cds
  rm -rf "$cds"
  java -Djarmode=tools -jar "$JAR" extract --destination "$cds/app" >/dev/null
  # shellcheck disable=SC2086
  java $JAVA_OPTS -XX:ArchiveClassesAtExit="$cds/tokenkeeper.jsa" -Dspring.context.exit=onRefresh -jar "$cds/app/$(basename "$JAR")" \
    --tokenkeeper.home="$cds/training" > "$cds/training.log" 2>&1
  cds_cold=$(JAR=$cds/app/$(basename "$JAR") JAVA_OPTS="$JAVA_OPTS -XX:SharedArchiveFile=$cds/tokenkeeper.jsa" cold_start cold-cds)
  fresh_home "$home"
  start_server "$home"
  local user_id
  curl -sf -u admin:$ADMIN_PW -X POST "$BASE/rest/api/1.0/admin/users?name=bulk&password=bulk-pw&displayName=Bulk&emailAddress=bulk@example.com"
  user_id=$(curl -sf -u admin:$ADMIN_PW "$BASE/rest/api/1.0/users/bulk" | sed -E 's/.*"id":([0-9]+).*/\1/')
  stop_server
  log "writing $BULK tokens into the database"
  java -cp "$DRIVER_JAR" "$ROOT/bench/tools/BulkTokens.java" "$(jdbc_url "$home")" "$user_id" "$BULK" "$WORK/bulk-sample.txt"
  after_bulk_write "$home"
  start_server "$home"
  local warm_start=$STARTUP_MS
  TOKENS=$WORK/bulk-sample.txt RUNS=1 wrk_median "bulk warm-up" "$BASE" "$ROOT/bench/lua/bearer.lua" >/dev/null
  jcmd "$SERVER_PID" GC.run >/dev/null 2>&1 || true
  local heap rss
  heap=$(curl -sf "$BASE/actuator/metrics/jvm.memory.used?tag=area:heap" | sed -E 's/.*"value":([0-9.eE+]+).*/\1/' | awk '{ printf "%.0f", $1 / 1048576 }')
  rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status")
  report "### Start-up and memory"
  report ""
  report "| figure | value |"
  report "|---|---|"
  report "| cold start to first served request, empty database, the README's start command: extracted jar and class data sharing archive (median of 3) | $cds_cold ms |"
  report "| the same with the runnable jar alone (median of 3) | $cold ms |"
  report "| start to first served request with $BULK stored tokens | $warm_start ms |"
  report "| heap used after verifying 20,000 of the $BULK tokens | $heap MiB |"
  report "| resident memory (RSS) then | $rss MiB |"
  report ""
  stop_server
}

# Records scenario 1 with Java Flight Recorder (started with the JVM, so attaching it does not
# disturb the compiled code) and reports where the server's Java CPU time goes. Java code is
# sampled every millisecond, not every 10 as in the JDK's profile settings: about five times the
# samples in the same run (the recorder samples only a few threads at each tick). The row of the
# authentication filters' own work counts what runs before the next filter of the chain,
# AnonymousAuthenticationFilter: a filter added between them would be counted with it.
scenario_profile() {
  local home=$WORK/profile-home
  fresh_home "$home"
  mkdir -p "$WORK/seed"
  JAVA_OPTS="$JAVA_OPTS -XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=name=bench,settings=profile,jdk.ExecutionSample#period=1ms" start_server "$home"
  log "seeding 100 users x 100 tokens"
  seed 100 100 profile
  log "warming up for $WARMUP"
  TOKENS=$WORK/seed/profile-tokens.txt DURATION=$WARMUP RUNS=1 wrk_median warmup "$BASE" "$ROOT/bench/lua/bearer.lua" >/dev/null
  local begin end
  begin=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
  TOKENS=$WORK/seed/profile-tokens.txt RUNS=1 wrk_median "bearer /self, recorded" "$BASE" "$ROOT/bench/lua/bearer.lua" >/dev/null
  end=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
  jcmd "$SERVER_PID" JFR.dump name=bench begin="$begin" end="$end" filename="$WORK/bearer.jfr" >/dev/null
  stop_server
  report "### Where a Bearer request's CPU time goes (Java Flight Recorder, $DURATION of scenario 1)"
  report ""
  report "Shares of the request threads' Java execution samples spent inside each method (stages nest:"
  report "the whole request contains the others). Time in the kernel's socket calls is not sampled."
  report ""
  java "$ROOT/bench/tools/Hotspots.java" "$WORK/bearer.jfr" "$begin" "$end" \
    "whole request, from Tomcat's socket processor=org.apache.coyote.http11.Http11Processor.service" \
    "Spring Security's filter chain and all behind it=org.springframework.security.web.FilterChainProxy.doFilter" \
    "the authentication filters' own work (throttle check, credentials, verification, success), without the rest of the chain=dev.tokenkeeper.server.security.RestAuthenticationOutcomes.doFilterInternal without org.springframework.security.web.authentication.AnonymousAuthenticationFilter.doFilter" \
    "reading the Authorization header=dev.tokenkeeper.server.security.CredentialsConverter.convert" \
    "token verification (parse, cache, SHA-256, owner)=dev.tokenkeeper.server.token.TokenAuthenticator.authenticate" \
    "X-Token-Expiration header=dev.tokenkeeper.server.security.TokenHeaders.announceCredentialExpiry" \
    "security response headers=org.springframework.security.web.header.HeaderWriterFilter.writeHeaders" \
    "finding the controller method=org.springframework.web.servlet.DispatcherServlet.getHandler" \
    "controller and JSON body=org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle" \
    "HTTP request metrics, start=org.springframework.web.filter.ServerHttpObservationFilter.createOrFetchObservation" \
    "HTTP request metrics, stop=io.micrometer.observation.SimpleObservation.stop" >> "$REPORT"
  report ""
}

scenario_jmh() {
  log "building and running the JMH benchmark"
  ./mvnw -B -q -f bench/jmh/pom.xml package
  local out
  out=$(java -cp "bench/jmh/target/tokenkeeper-jmh.jar:$(cat bench/jmh/target/classpath.txt)" org.openjdk.jmh.Main \
    -rf text -rff "$WORK/jmh.txt" VerificationBenchmark 2>&1 | tail -n 5)
  # score of benchmark $1 with $2 tokens
  score() { awk -v b="VerificationBenchmark.$1" -v t="$2" '$1 == b && $2 == t { print $(NF-3) }' "$WORK/jmh.txt"; }
  # "ops/µs (ns each)" of benchmark $1 with $2 tokens
  cell() { awk -v s="$(score "$1" "$2")" 'BEGIN { if (s == "") print "n/a"; else printf "%s (%.0f ns)", s, 1000 / s }'; }
  row() { report "| $1 | $(cell "$2" 10000) | $(cell "$2" 1) |"; }
  report "### In-process token verification (JMH, operations/µs and ns each, one thread)"
  report ""
  report "| benchmark | 10,000 tokens | 1 token (all in CPU cache) |"
  report "|---|---|---|"
  row "verify: parse + lookup in the server's cache + SHA-256 + constant-time compare" verify
  row "bare SHA-256 of the same 33 bytes" bareSha256
  row "parse alone (base64 decode, form checks)" parseOnly
  row "lookup alone, in the server's cache (expiring, on the server's ticker)" lookupOnly
  row "lookup alone, in a cache without expiry" lookupInPlainCache
  row "compare alone (8 bytes at a time)" compareOnly
  row "compare alone with the JDK's MessageDigest.isEqual, as before" compareWithJdk
  report ""
  report "Ratio verify / bare SHA-256: $(awk -v a="$(score verify 10000)" -v b="$(score bareSha256 10000)" 'BEGIN { printf "%.2f", a / b }') with 10,000 tokens, $(awk -v a="$(score verify 1)" -v b="$(score bareSha256 1)" 'BEGIN { printf "%.2f", a / b }') with 1."
  report ""
}

mkdir -p "$WORK"
: > "$REPORT"
[ "$DATABASE" = h2 ] || [ "$DATABASE" = postgresql ] || { log "DATABASE must be h2 or postgresql"; exit 1; }
install_tools
build
[ "$DATABASE" = h2 ] || start_postgres
report "## $(date -u +%Y-%m-%d) — $(git rev-parse --short HEAD)${SERVER_JAR:+, server from $(basename "$SERVER_JAR")}"
report ""
report "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -n 1), JAVA_OPTS='${JAVA_OPTS}', database: $(database_label)."
report ""
if wants ceiling || wants auth; then scenario_ceiling_and_auth; fi
if wants create; then scenario_create; fi
if wants list; then scenario_list; fi
if wants startup; then scenario_startup; fi
if wants jmh; then scenario_jmh; fi
if wants profile; then scenario_profile; fi
[ -f bench/RESULTS.md ] || printf '# Benchmark results\n\nNewest first. Produced by `bench/run.sh`; see bench/README.md.\n\n' > bench/RESULTS.md
{ head -n 4 bench/RESULTS.md; cat "$REPORT"; tail -n +5 bench/RESULTS.md; } > "$WORK/results.md" && mv "$WORK/results.md" bench/RESULTS.md
log "results added to bench/RESULTS.md"
cat "$REPORT"
