# Small heap and quick start: a module is a small event handler (measured in BENCHMARKS.md).
# One line per log record (the JDK's default takes two), as the EM's log shows them.
# shellcheck disable=SC2046 # the trim flag is one word or none
exec "$JAVA_HOME/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xmn4m -Xmx64m \
  $(aex_native_trim_flag "$JAVA_HOME") \
  -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="${TMPDIR:-/tmp}/aex-module-$(id -u)-@DIGEST@.jsa" \
  -Xlog:cds=off -Xlog:cds+dynamic=off \
  '-Djava.util.logging.SimpleFormatter.format=aex-module %4$s: %5$s%6$s%n' ${AEX_JAVA_OPTS-} -jar "$0" "$@"
