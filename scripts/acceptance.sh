#!/usr/bin/env bash
# Issue 6's acceptance with separate processes: the original's native acceptance test for the
# FOSDEM demo (deployer-reference.md §7, reactive-tools' CI), with the aex command.
#
#   two event managers (./aex em) on 5000 and 6000; deploy / attest / connect;
#   output init-server --arg beef; curl localhost:48879 prints 0; output trigger-btn: 1; again: 2.
#
# Works on a copy of examples/fosdem in a temporary folder (the checkout stays clean), stops its
# event managers on exit (also on Ctrl-C or a failure), bounds every wait, and exits non-zero on
# any mismatch. Ports: EM1_PORT (5000), EM2_PORT (6000), WEB_PORT (48879, sent as init-server's
# argument); they must be free. Usage: bash scripts/acceptance.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
aex="$root/aex"
em1=${EM1_PORT:-5000}
em2=${EM2_PORT:-6000}
web=${WEB_PORT:-48879}
work=$(mktemp -d "${TMPDIR:-/tmp}/aex-acceptance.XXXXXX")
pids=()

say() { printf 'acceptance: %s\n' "$*" >&2; }
fail() {
  say "FAILED: $*"
  exit 1
}

cleanup() {
  status=$?
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    # aex em stops its modules on SIGTERM; give it 15 s, then insist.
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ]; then
    for log in "$work"/em-*.log; do
      [ -f "$log" ] || continue
      say "--- $(basename "$log") (last lines)"
      tail -n 20 "$log" >&2
    done
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[ -f "$root/examples/fosdem/native.json" ] || fail "examples/fosdem/native.json not found in $root"
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$em1" "$em2" "$web"; do
  if listening "$port"; then fail "port $port is in use: stop what listens there first"; fi
done

# Build the command once, before two event managers start at the same time.
"$aex" --version >/dev/null

# The application: a copy of examples/fosdem as the original's demo/ folder, ports set.
mkdir -p "$work/demo"
(cd "$root/examples/fosdem" && tar cf - --exclude=./build --exclude='*.result.json' --exclude=res.json .) \
  | (cd "$work/demo" && tar xf -)
sed -i -e "s/\"reactive_port\": *5000/\"reactive_port\": $em1/" \
  -e "s/\"reactive_port\": *6000/\"reactive_port\": $em2/" "$work/demo/native.json"

# 1. Two native event managers, separate processes.
for port in "$em1" "$em2"; do
  "$aex" em --host 127.0.0.1 --port "$port" >"$work/em-$port.log" 2>&1 &
  pids+=("$!")
done
for port in "$em1" "$em2"; do
  for _ in $(seq 1 300); do
    grep -q "listening on" "$work/em-$port.log" 2>/dev/null && break
    kill -0 "${pids[0]}" 2>/dev/null && kill -0 "${pids[1]}" 2>/dev/null \
      || fail "an event manager exited (see its log below)"
    sleep 0.1
  done
  grep -q "listening on" "$work/em-$port.log" || fail "event manager on $port not listening after 30 s"
done
say "event managers on $em1 and $em2"

# 2. deploy / attest / connect, as the original's CI.
cd "$work"
"$aex" deploy --workspace demo native.json --result ../res.json
"$aex" attest res.json
"$aex" connect res.json
say "deployed, attested, connected"

# The page's count: what curl prints, once it prints a number (the server starts asynchronously);
# with an expected value, until it shows that one. At most 15 s.
count() {
  local seen=""
  for _ in $(seq 1 150); do
    seen=$(curl -s --max-time 2 "http://localhost:$web" 2>/dev/null | tr -d '\r\n' || true)
    if [[ "$seen" =~ ^[0-9]+$ ]] && { [ -z "${1-}" ] || [ "$seen" = "$1" ]; }; then
      break
    fi
    sleep 0.1
  done
  printf '%s' "$seen"
}

# 3. The web server, then the counter: 0, 1, 2.
"$aex" output res.json --connection init-server --arg "$(printf '%04x' "$web")"
got=$(count)
say "curl localhost:$web -> $got"
[ "$got" = 0 ] || fail "expected 0 before any press, got '$got'"
for expected in 1 2; do
  "$aex" output res.json --connection trigger-btn
  got=$(count "$expected")
  say "trigger-btn; curl localhost:$web -> $got"
  [ "$got" = "$expected" ] || fail "expected $expected after $expected press(es), got '$got'"
done
say "OK"
