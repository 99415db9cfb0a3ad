# Small heap and quick start: a module is a small event handler (measured in BENCHMARKS.md).
exec "$JAVA_HOME/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xmx64m \
  -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="${TMPDIR:-/tmp}/aex-module-$(id -u)-@DIGEST@.jsa" \
  -Xlog:cds=off -Xlog:cds+dynamic=off ${AEX_JAVA_OPTS-} -jar "$0" "$@"
