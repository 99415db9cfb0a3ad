# Sourced by ./mvnw (and other launchers): points JAVA_HOME at a JDK >= 21.
# Order: JAVA_HOME if it is new enough, then the usual install folders, then the java on PATH.
# Fails with a message that says what to install when there is none.
# AEX_JDK_DIRS replaces the list of install folders searched (space-separated globs).
# AEX_NEED_JAVAC=0 accepts a JRE (launchers that only run code).

# The JAVA_VERSION of the Java in $1 from its release file, e.g. 25.0.3; empty without one.
aex_java_version() {
  sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$1/release" 2>/dev/null | head -n 1
}

aex_java_major() {
  # The release file answers without starting a JVM (launchers run this on every start).
  if [ -r "$1/release" ]; then
    aex_version=$(aex_java_version "$1")
    echo "${aex_version%%[!0-9]*}"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
  fi
}

aex_is_jdk21() {
  [ -x "$1/bin/java" ] || return 1
  [ "${AEX_NEED_JAVAC:-1}" = 0 ] || [ -x "$1/bin/javac" ] || return 1
  major=$(aex_java_major "$1")
  [ -n "$major" ] && [ "$major" -ge 21 ]
}

aex_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && aex_is_jdk21 "$JAVA_HOME"; then
    return 0
  fi
  for candidate in ${AEX_JDK_DIRS:-/usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/*25* /usr/lib/jvm/*21* \
    /usr/lib/jvm/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home}; do
    if [ -d "$candidate" ] && aex_is_jdk21 "$candidate"; then
      JAVA_HOME="$candidate"
      export JAVA_HOME
      return 0
    fi
  done
  tool=javac
  [ "${AEX_NEED_JAVAC:-1}" != 0 ] || tool=java
  on_path=$(command -v "$tool" 2>/dev/null || true)
  if [ -n "$on_path" ]; then
    candidate=$(dirname "$(dirname "$(readlink -f "$on_path")")")
    if aex_is_jdk21 "$candidate"; then
      JAVA_HOME="$candidate"
      export JAVA_HOME
      return 0
    fi
  fi
  kind=JDK
  [ "$tool" = javac ] || kind="Java (JDK or JRE)"
  echo "aex needs a $kind 21 or newer, and none was found." >&2
  echo "Looked at JAVA_HOME (${JAVA_HOME:-unset}), ${AEX_JDK_DIRS:-/usr/lib/jvm/*, /opt/java/*} and the $tool on PATH." >&2
  echo "Install one (for example Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}

# The flag that makes the JVM return freed C heap to the system every 2 s, for the Javas that have
# it (21.0.1 and later; not 21 itself): an event manager or module then holds about 5 MiB less
# after a burst, for 0.2 ms of CPU per trim (BENCHMARKS.md, "Memory"). Prints nothing otherwise,
# or when the Java in $1 has no release file to tell.
aex_native_trim_flag() {
  case "$(aex_java_version "$1")" in
    "" | 21 | 21-* | 21+*) ;;
    *) echo "-XX:TrimNativeHeapInterval=2000" ;;
  esac
}

# The caller may have turned globbing off (mvnw runs under set -f); the search needs it.
case $- in *f*) aex_glob_was_off=1 ;; *) aex_glob_was_off=0 ;; esac
set +f
aex_find_jdk || exit 1
[ "$aex_glob_was_off" = 0 ] || set -f
