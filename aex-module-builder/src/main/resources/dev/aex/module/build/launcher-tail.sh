# Small heap and quick start: a module is a small event handler (measured in BENCHMARKS.md).
# No class-data-sharing archive of its own: each build stamps a new key into the jar and each
# event manager runs it from a folder of its own, so an archive would never be mapped again and
# only pile up in $TMPDIR (the JDK's own archive still serves the JDK's classes).
# One line per log record (the JDK's default takes two), as the EM's log shows them.
# Out of memory, the module exits, and its event manager logs it: a JVM that goes on after an
# OutOfMemoryError may have failed to link code it needs (a string concatenation, say) for good.
# shellcheck disable=SC2046 # the trim flag is one word or none
exec "$JAVA_HOME/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xmn4m -Xmx64m -XX:+ExitOnOutOfMemoryError \
  $(aex_native_trim_flag "$JAVA_HOME") \
  '-Djava.util.logging.SimpleFormatter.format=aex-module %4$s: %5$s%6$s%n' ${AEX_JAVA_OPTS-} -jar "$0" "$@"
