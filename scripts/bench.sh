#!/bin/sh
# Runs one of aex's benchmarks (BENCHMARKS.md, which holds their results) after building what it
# needs with ./mvnw (a few seconds when nothing changed). One command per harness:
#
#   bash scripts/bench.sh e2e [OPTIONS]    issue 7's end-to-end harness: two event managers, the
#                                          FOSDEM demo, requests and events (dev.aex.bench.e2e.EndToEnd;
#                                          --runs 3 --n 2000 --clients 4,16 --warmup 2000 by default,
#                                          "bash scripts/bench.sh e2e --help" lists the options)
#   bash scripts/bench.sh jmh [JMH ARGS]   the JMH benchmarks of the codec, ciphers, event manager
#                                          and quote verification (aex-bench/target/benchmarks.jar;
#                                          e.g. "AesGcm -f 1 -wi 3 -i 5 -w 1s -r 1s")
#   bash scripts/bench.sh startup [STARTS [CALLS]]     module start-up and memory (5, 2000)
#   bash scripts/bench.sh deploy [EXAMPLE [RUNS]]      deployer phases (examples/fosdem, 3)
#   bash scripts/bench.sh em-memory                    event manager memory per idle connection
#   bash scripts/bench.sh speed      how fast the machine is now (cipher, wake-ups across CPUs):
#                                    what every e2e report prints; check it before measuring
#
# Each prints the machine and Java it ran on with its results. Paths in the arguments are relative
# to the checkout, where the harnesses run. Run it on an otherwise idle machine: the harnesses share
# its cores with what they measure.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2
  exit 2
}

[ $# -ge 1 ] || usage
harness=$1
shift
case "$harness" in
  e2e) main=dev.aex.bench.e2e.EndToEnd ;;
  startup) main=dev.aex.bench.startup.ModuleStartup ;;
  deploy) main=dev.aex.bench.deploy.DeployPhases ;;
  em-memory) main=dev.aex.bench.em.EmMemory ;;
  speed) main=dev.aex.bench.e2e.MachineSpeed ;;
  jmh) main=org.openjdk.jmh.Main ;;
  *) echo "bench: unknown harness \"$harness\" (expected: e2e, jmh, startup, deploy, em-memory or speed)" >&2
     usage ;;
esac

. "$here/.mvn/find-jdk.sh"
echo "bench: building aex-bench and what it needs..." >&2
if ! (cd "$here" && ./mvnw -B -q -DskipTests install -pl aex-bench -am) >&2; then
  echo "bench: the build failed (see above); './mvnw -B install -DskipTests' shows more." >&2
  exit 1
fi

# The harnesses run from the checkout: they find the examples, the module binaries' sources and
# the event manager's jars by relative paths. JMH forks its own JVMs from the shaded jar.
cd "$here"
if [ "$harness" = jmh ]; then
  exec "$JAVA_HOME/bin/java" -jar aex-bench/target/benchmarks.jar "$@"
fi
exec "$JAVA_HOME/bin/java" -cp "aex-bench/target/classes:aex-bench/target/lib/*" "$main" "$@"
