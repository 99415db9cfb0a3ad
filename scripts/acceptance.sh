#!/usr/bin/env bash
# Issue 6's acceptance with separate processes: the original's native acceptance flows
# (deployer-reference.md §7, reactive-tools' and the examples' CI) for the repository's examples,
# with the aex command, `./aex em` event managers and curl. Each example gets fresh event managers
# (one per node), stopped before the next example starts:
#
#   fosdem          2 nodes; deploy / attest / connect / status (every module answers, as
#                   after each deploy and update below); output init-server --arg beef;
#                   curl localhost:48879 prints 0; output trigger-btn: 1; again: 2; update
#                   controller (a new instance in the middle of the chain); trigger-btn: 3.
#   fosdem-sgx      the same with fosdem/sgx-simulation.json: webserver, controller and db on
#                   an SGX node in INSECURE simulation (`aex em --sgx simulation`), attested with
#                   quotes and key agreement (docs/sgx.md); the update replaces an enclave.
#   db-webserver    1 node; deploy / attest / connect; call webserver init --arg <port>;
#                   curl prints 0, 1, 2 (each page counts itself with an event to db).
#   state-transfer  2 nodes; call counter init --arg <port 1>; curl prints 0; request
#                   get-requests answers 1; counter's "node" set to node_2 in the result;
#                   update --entry __save --output __transfer --input __restore;
#                   call counter init --arg <port 2>; curl (the new instance) prints 1.
#   state-transfer-sgx  the same with state-transfer/sgx-simulation.json: two SGX nodes in
#                   simulation, as in the original's example; the count moves between enclaves.
#   ping-pong       3 nodes; call ping pongs answers 0; call ping start --arg 0800, then pongs
#                   answers 1; start again: 2; then, as the original's module-update CI, each
#                   module moved to the next node (--timing update), and a round trip: 1.
#
# Works on copies of the examples in a temporary folder, node ports rewritten (the checkout stays
# clean); stops everything it started on exit (also on Ctrl-C or a failure); bounds every wait and
# every aex command (AEX_CMD_TIMEOUT seconds, default 90, when `timeout` is there); prints
# `acceptance: ...` lines, and on a failure the last lines of the event managers' logs; exits
# non-zero on any mismatch.
#
# Usage: bash scripts/acceptance.sh [fosdem] [fosdem-sgx] [db-webserver] [state-transfer]
#                                   [state-transfer-sgx] [ping-pong]
#        (default: all six, in that order)
#
# Ports (environment; all must be free, and each node's event manager port + 1..15 too, where
# its modules listen):
#   fosdem          EM1_PORT (5000), EM2_PORT (6000), WEB_PORT (48879); fosdem-sgx too
#   db-webserver    DBWEB_EM_PORT (5100), DBWEB_PORT (8080)
#   state-transfer  STATE_EM1_PORT (5200), STATE_EM2_PORT (6200), STATE_WEB1_PORT (8081),
#                   STATE_WEB2_PORT (8082)
#   ping-pong       PING_EM1_PORT (5300), PING_EM2_PORT (6300), PING_EM3_PORT (7300)
# DBWEB_PAUSE (0.5): seconds between db-webserver's page views (each view's count travels to db
# as an event while the next view's question is a request; neither GET is ever repeated).
set -euo pipefail
shopt -s inherit_errexit 2>/dev/null || true

root=$(cd "$(dirname "$0")/.." && pwd)
all_examples=(fosdem fosdem-sgx db-webserver state-transfer state-transfer-sgx ping-pong)

fosdem_em1=${EM1_PORT:-5000}
fosdem_em2=${EM2_PORT:-6000}
fosdem_web=${WEB_PORT:-48879}
dbweb_em=${DBWEB_EM_PORT:-5100}
dbweb_web=${DBWEB_PORT:-8080}
dbweb_pause=${DBWEB_PAUSE:-0.5}
state_em1=${STATE_EM1_PORT:-5200}
state_em2=${STATE_EM2_PORT:-6200}
state_web1=${STATE_WEB1_PORT:-8081}
state_web2=${STATE_WEB2_PORT:-8082}
ping_em1=${PING_EM1_PORT:-5300}
ping_em2=${PING_EM2_PORT:-6300}
ping_em3=${PING_EM3_PORT:-7300}
cmd_timeout=${AEX_CMD_TIMEOUT:-90}

pids=()        # the running event managers (aex em), stopped by stop_ems and on exit
current=""     # the example being run, for the failure message
work=""

say() { printf 'acceptance: %s\n' "$*" >&2; }
fail() {
  say "FAILED${current:+ ($current)}: $*"
  exit 1
}
usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; }

# The example names to run, checked before anything starts.
selected=()
for arg in "$@"; do
  case "$arg" in
    -h | --help)
      usage
      exit 0
      ;;
    all) selected+=("${all_examples[@]}") ;;
    fosdem | fosdem-sgx | db-webserver | state-transfer | state-transfer-sgx | ping-pong)
      selected+=("$arg") ;;
    *)
      say "unknown example '$arg' (examples: ${all_examples[*]})"
      exit 2
      ;;
  esac
done
[ "${#selected[@]}" -gt 0 ] || selected=("${all_examples[@]}")

work=$(mktemp -d "${TMPDIR:-/tmp}/aex-acceptance.XXXXXX")
# Through a link, as on a PATH where aex stands in for reactive-tools: the launcher finds its
# checkout from where the link points.
mkdir "$work/bin"
ln -s "$root/aex" "$work/bin/reactive-tools"
aex="$work/bin/reactive-tools"

# The processes whose parent is $1 (an event manager's modules).
children() { ps -eo pid=,ppid= | awk -v p="$1" '$2 == p { print $1 }'; }

# Stops the event managers (SIGTERM: aex em stops its modules), each within 15 s, else SIGKILL
# for it and any module it still has.
stop_ems() {
  local pid kids=() kid
  [ "${#pids[@]}" -gt 0 ] || return 0
  for pid in "${pids[@]}"; do
    # shellcheck disable=SC2207 # pids: no spaces
    kids+=($(children "$pid" 2>/dev/null || true))
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      say "event manager $pid did not stop within 15 s after SIGTERM; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  # Modules of an event manager that is gone: give them a moment, then insist.
  if [ "${#kids[@]}" -gt 0 ]; then
    for kid in "${kids[@]}"; do
      for _ in $(seq 1 50); do kill -0 "$kid" 2>/dev/null || break; sleep 0.1; done
      if kill -0 "$kid" 2>/dev/null; then
        say "module process $kid still running after its event manager stopped; killing it"
        kill -KILL "$kid" 2>/dev/null || true
      fi
    done
  fi
  pids=()
}

show_logs() {
  local log
  for log in "$work/$current"/em-*.log; do
    [ -f "$log" ] || continue
    say "--- $current: $(basename "$log") (last lines)"
    tail -n 20 "$log" >&2
  done
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [ "$status" -eq 0 ] || [ -z "$current" ] || show_logs
  stop_ems
  [ -z "$work" ] || rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'say "interrupted"; exit 130' INT
trap 'say "terminated"; exit 143' TERM

# True when something accepts connections on 127.0.0.1:$1 (no bytes are sent).
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The ports of an example: its event managers' (each with 15 module ports above it), its pages'.
example_ports() {
  case "$1" in
    fosdem | fosdem-sgx) echo "em $fosdem_em1 em $fosdem_em2 web $fosdem_web" ;;
    db-webserver) echo "em $dbweb_em web $dbweb_web" ;;
    state-transfer | state-transfer-sgx)
      echo "em $state_em1 em $state_em2 web $state_web1 web $state_web2" ;;
    ping-pong) echo "em $ping_em1 em $ping_em2 em $ping_em3" ;;
  esac
}

# Every port checked up front, before anything starts.
for example in "${selected[@]}"; do
  [ -d "$root/examples/${example%-sgx}" ] || fail "examples/${example%-sgx} not found in $root"
  set -- $(example_ports "$example")
  while [ "$#" -gt 0 ]; do
    kind=$1 port=$2
    shift 2
    [[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65519 ] \
      || fail "$example: '$port' is not a port"
    last=$port
    [ "$kind" = web ] || last=$((port + 15))
    for p in $(seq "$port" "$last"); do
      if listening "$p"; then
        fail "$example: port $p is in use: stop what listens there, or choose other ports (bash $0 --help)"
      fi
    done
  done
done

# An aex command, bounded in time when `timeout` is there (--foreground: Ctrl-C still reaches it).
if command -v timeout >/dev/null 2>&1; then
  aex_bounded() { timeout --foreground "$cmd_timeout" "$aex" "$@"; }
else
  aex_bounded() { "$aex" "$@"; }
fi
# Says which command failed (124: it took longer than AEX_CMD_TIMEOUT).
aex_failed() { # status, arguments
  local rc=$1
  shift
  if [ "$rc" -eq 124 ]; then
    fail "aex $* did not finish within $cmd_timeout s"
  fi
  fail "aex $* exited with $rc"
}
aexc() {
  local rc=0
  aex_bounded "$@" || rc=$?
  [ "$rc" -eq 0 ] || aex_failed "$rc" "$@"
}

# Build the command once, before several event managers start at the same time.
"$aex" --version >/dev/null

# Copies examples/$1 into $work/$current/$2 (build output and results left out), with
# "reactive_port": FROM rewritten to TO in descriptor $3 for each FROM=TO pair that follows.
copy_example() {
  local name=$1 into="$work/$current/$2" descriptor=$3 pair script=()
  shift 3
  mkdir -p "$into"
  (cd "$root/examples/$name" \
    && tar cf - --exclude=./build --exclude=./target --exclude='*.result.json' --exclude=./res.json .) \
    | (cd "$into" && tar xf -)
  for pair in "$@"; do
    # One substitution per line at most (`t`), so that 5000=6000 6000=7000 does not chain.
    script+=(-e "s/\"reactive_port\": *${pair%%=*}\$/\"reactive_port\": ${pair#*=}/" -e t
      -e "s/\"reactive_port\": *${pair%%=*}\([^0-9]\)/\"reactive_port\": ${pair#*=}\1/" -e t)
  done
  sed "${script[@]}" "$into/$descriptor" >"$into/$descriptor.new"
  mv "$into/$descriptor.new" "$into/$descriptor"
  for pair in "$@"; do
    grep -Eq "\"reactive_port\": ${pair#*=}([^0-9]|\$)" "$into/$descriptor" \
      || fail "could not set node port ${pair#*=} in the copy of $name/$descriptor"
  done
}

# Starts an event manager per port given (separate processes; PORT:sgx for an SGX node in
# simulation), logs in $work/$current/em-PORT.log, and waits (at most 30 s) until each listens.
start_ems() {
  local port pid spec ports=()
  for spec in "$@"; do
    port=${spec%:sgx}
    ports+=("$port")
    if [ "$spec" = "$port" ]; then
      "$aex" em --host 127.0.0.1 --port "$port" >"$work/$current/em-$port.log" 2>&1 &
    else
      "$aex" em --host 127.0.0.1 --port "$port" --sgx simulation >"$work/$current/em-$port.log" 2>&1 &
    fi
    pids+=("$!")
  done
  for port in "${ports[@]}"; do
    for _ in $(seq 1 300); do
      grep -q "listening on" "$work/$current/em-$port.log" 2>/dev/null && break
      for pid in "${pids[@]}"; do
        kill -0 "$pid" 2>/dev/null || fail "an event manager exited (see its log below)"
      done
      sleep 0.1
    done
    grep -q "listening on" "$work/$current/em-$port.log" \
      || fail "event manager on $port not listening after 30 s"
  done
  say "event managers on ${ports[*]}"
}

# Waits (at most 15 s) until a page listens on port $1, without requesting it: the pages of
# db-webserver and state-transfer count every request.
await_listening() {
  for _ in $(seq 1 150); do
    listening "$1" && return 0
    sleep 0.1
  done
  fail "nothing listens on port $1 within 15 s"
}

# One GET of http://localhost:$1/: the body, trimmed. Retries (at most 10 s) only while the
# connection is refused, i.e. when no request reached the page (a request that did counts).
page() {
  local body rc
  for _ in $(seq 1 100); do
    rc=0
    body=$(curl -s -S --max-time 5 "http://localhost:$1/" 2>&1) || rc=$?
    [ "$rc" -eq 7 ] || break
    sleep 0.1
  done
  [ "$rc" -eq 0 ] || fail "curl localhost:$1 failed (exit $rc): $body"
  printf '%s' "$body" | tr -d '\r\n'
}

# The response of a `--verbose` aex command (the hex in `INFO: Response: "…"`); fails when the
# command fails.
response() {
  local out rc=0
  out=$(aex_bounded --verbose "$@" 2>&1) || rc=$?
  if [ "$rc" -ne 0 ]; then
    printf '%s\n' "$out" >&2
    aex_failed "$rc" --verbose "$@"
  fi
  printf '%s\n' "$out" | sed -n 's/^INFO: Response: "\(.*\)"$/\1/p' | sed -n 1p
}

# Calls `response "$@"` until it answers $1, for 15 s at most (each call bounded as aexc's);
# prints the last answer.
await_response() {
  local expected=$1 got="" end=$((SECONDS + 15))
  shift
  while :; do
    got=$(response "$@")
    [ "$got" != "$expected" ] && [ "$SECONDS" -lt "$end" ] || break
    sleep 0.2
  done
  printf '%s' "$got"
}

expect() { # what, expected, got
  [ "$3" = "$2" ] || fail "$1: expected '$2', got '$3'"
  say "$1 -> $3"
}

hex16() { printf '%04x' "$1"; }

deploy_attest_connect() { # descriptor, from the example's folder's parent (the original's CI)
  aexc deploy --workspace app "$1" --result ../res.json
  aexc attest res.json
  aexc connect res.json
  say "deployed, attested, connected"
  every_module_answers
}

# aex status: every event manager and every deployed module answers as res.json records.
every_module_answers() {
  aexc status res.json >"$work/status.out"
  ! grep -q "NOT ANSWERING" "$work/status.out" || fail "aex status: $(cat "$work/status.out")"
  say "aex status: $(grep -c 'answers under the recorded key' "$work/status.out") module(s) answer"
}

# --- FOSDEM (reactive-tools' CI) -------------------------------------------------------------
run_fosdem() { fosdem_with native.json "$fosdem_em1"; }
run_fosdem_sgx() { fosdem_with sgx-simulation.json "$fosdem_em1:sgx"; }

fosdem_with() { # descriptor, node 1's event manager for start_ems
  copy_example fosdem app "$1" 5000="$fosdem_em1" 6000="$fosdem_em2"
  start_ems "$2" "$fosdem_em2"
  cd "$work/$current"
  deploy_attest_connect "$1"

  # The page's count, once it shows a number (GET does not change it here); with an expected
  # value, until it shows that one (the press travels as events). At most 15 s.
  count() {
    local seen=""
    for _ in $(seq 1 150); do
      seen=$(curl -s --max-time 2 "http://localhost:$fosdem_web" 2>/dev/null | tr -d '\r\n' || true)
      if [[ "$seen" =~ ^[0-9]+$ ]] && { [ -z "${1-}" ] || [ "$seen" = "$1" ]; }; then
        break
      fi
      sleep 0.1
    done
    printf '%s' "$seen"
  }

  aexc output res.json --connection init-server --arg "$(hex16 "$fosdem_web")"
  got=$(count)
  expect "curl localhost:$fosdem_web" 0 "$got"
  press() {
    aexc output res.json --connection trigger-btn
    got=$(count "$1")
    expect "trigger-btn; curl localhost:$fosdem_web" "$1" "$got"
  }
  press 1
  press 2
  # The count lives in db; a new controller instance must carry the next press through.
  # update builds from the current folder: the workspace that deploy was given.
  (cd app && aexc update ../res.json --module controller)
  say "updated controller"
  every_module_answers
  press 3
}

# --- db-webserver (the examples' CI: make init, then curl 0, 1, 2) --------------------------
run_db_webserver() {
  copy_example db-webserver app descriptor.json 5000="$dbweb_em"
  start_ems "$dbweb_em"
  cd "$work/db-webserver"
  deploy_attest_connect descriptor.json

  aexc call res.json --module webserver --entry init --arg "$(hex16 "$dbweb_web")"
  await_listening "$dbweb_web"
  # Each page asks db for the count, then counts itself with an event to db before answering.
  # The event and the next page's request take different ways through the event manager, so
  # leave the event a moment to arrive; every GET counts, so none is repeated.
  for expected in 0 1 2; do
    [ "$expected" = 0 ] || sleep "$dbweb_pause"
    got=$(page "$dbweb_web")
    expect "curl localhost:$dbweb_web" "$expected" "$got"
  done
}

# --- state-transfer (the examples' CI) -------------------------------------------------------
run_state_transfer() { state_transfer_with descriptor.json "$state_em1" "$state_em2"; }
run_state_transfer_sgx() {
  state_transfer_with sgx-simulation.json "$state_em1:sgx" "$state_em2:sgx"
}

state_transfer_with() { # descriptor, the two nodes' event managers for start_ems
  copy_example state-transfer app "$1" 5000="$state_em1" 6000="$state_em2"
  start_ems "$2" "$3"
  # As its README: everything from the example's folder (update builds relative to it).
  cd "$work/$current/app"
  aexc deploy "$1" --result res.json
  aexc attest res.json
  aexc connect res.json
  say "deployed, attested, connected"
  every_module_answers

  aexc call res.json --module counter --entry init --arg "$(hex16 "$state_web1")"
  await_listening "$state_web1"
  got=$(page "$state_web1")
  expect "curl localhost:$state_web1" 0 "$got"
  got=$(await_response 00000001 request res.json --connection get-requests)
  expect "request get-requests" 00000001 "$got"

  # Move counter to node_2: its "node" (not "old_node") in the result file, as the README says.
  sed 's/"node" *: *"node_1"/"node": "node_2"/' res.json >res.json.new
  mv res.json.new res.json
  [ "$(grep -c '"node": "node_2"' res.json)" = 1 ] && ! grep -q '"node" *: *"node_1"' res.json \
    || fail "could not set counter's node to node_2 in res.json"
  aexc update res.json --module counter --entry __save --output __transfer --input __restore
  say "updated counter to node_2 (port $state_em2) with state transfer"
  every_module_answers
  # get-requests now leads to the new instance: wait until it has the count (the transfer is an
  # event), then the new page shows it.
  got=$(await_response 00000001 request res.json --connection get-requests)
  expect "request get-requests (new instance)" 00000001 "$got"
  aexc call res.json --module counter --entry init --arg "$(hex16 "$state_web2")"
  await_listening "$state_web2"
  got=$(page "$state_web2")
  expect "curl localhost:$state_web2 (new instance)" 1 "$got"
}

# --- ping-pong (the original's: call ping start --arg 0800) ----------------------------------
run_ping_pong() {
  copy_example ping-pong app descriptor.json \
    5000="$ping_em1" 6000="$ping_em2" 7000="$ping_em3"
  start_ems "$ping_em1" "$ping_em2" "$ping_em3"
  cd "$work/ping-pong"
  deploy_attest_connect descriptor.json

  got=$(response call res.json --module ping --entry pongs)
  expect "call ping pongs" 00000000 "$got"
  for expected in 00000001 00000002; do
    aexc call res.json --module ping --entry start --arg 0800
    got=$(await_response "$expected" call res.json --module ping --entry pongs)
    expect "call ping start --arg 0800; call ping pongs" "$expected" "$got"
  done

  # The original's module-update CI: each module moves to the next node (its "node" edited in
  # the result, then `--timing update` from the workspace); a round trip then runs through the
  # three new instances (ping's count starts again: no state transfer).
  local move module node
  for move in ping:node_2 gateway:node_3 pong:node_1; do
    module=${move%%:*} node=${move#*:}
    sed "/^ *\"name\": \"$module\",\$/{n;s/\"node\": \"[^\"]*\"/\"node\": \"$node\"/;}" \
      res.json >res.json.new
    mv res.json.new res.json
    grep -A1 "\"name\": \"$module\"," res.json | grep -q "\"node\": \"$node\"" \
      || fail "could not set $module's node to $node in res.json"
    (cd app && aexc --timing update ../res.json --module "$module") >"$work/update.out"
    grep -q "^Update time for $module: " "$work/update.out" \
      || fail "update $module printed no timing line: $(cat "$work/update.out")"
    say "updated $module to $node"
  done
  every_module_answers
  aexc call res.json --module ping --entry start --arg 0800
  got=$(await_response 00000001 call res.json --module ping --entry pongs)
  expect "after the moves: call ping start --arg 0800; call ping pongs" 00000001 "$got"
}

started=$SECONDS
for example in "${selected[@]}"; do
  current=$example
  t0=$SECONDS
  say "== $example"
  mkdir -p "$work/$example"
  "run_${example//-/_}"
  cd "$work"
  stop_ems
  say "$example: OK ($((SECONDS - t0)) s)"
done
current=""
say "OK: ${selected[*]} ($((SECONDS - started)) s)"
