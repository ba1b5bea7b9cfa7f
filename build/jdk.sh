# Shared by ./openclaw and build/test: find a JDK >= 21 without starting a JVM.
# Order: $JAVA_HOME (if it is >= 21), then the newest /usr/lib/jvm/* that is >= 21.

# Prints the feature version (e.g. 25) of the JDK at $1, or nothing.
openclaw_jdk_version() {
  local release="$1/release" v
  [ -x "$1/bin/java" ] && [ -f "$release" ] || return 1
  v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$release")
  [ -n "$v" ] && echo "$v"
}

# Prints the path of a JDK >= 21 (with javac when $1 = "javac"), or fails with a message on stderr.
openclaw_find_jdk() {
  local need_javac="${1:-}" best="" best_v=0 dir v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(openclaw_jdk_version "$JAVA_HOME" || true)
    if [ -n "$v" ] && [ "$v" -ge 21 ] && { [ -z "$need_javac" ] || [ -x "$JAVA_HOME/bin/javac" ]; }; then
      echo "$JAVA_HOME"; return 0
    fi
  fi
  for dir in /usr/lib/jvm/*; do
    [ -L "$dir" ] && continue
    v=$(openclaw_jdk_version "$dir" || true)
    [ -n "$v" ] && [ "$v" -ge 21 ] || continue
    [ -z "$need_javac" ] || [ -x "$dir/bin/javac" ] || continue
    if [ "$v" -gt "$best_v" ]; then best="$dir"; best_v="$v"; fi
  done
  if [ -z "$best" ]; then
    echo "openclaw: no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, nothing suitable in /usr/lib/jvm);" \
      "install one, e.g. Temurin 25, or point JAVA_HOME at it" >&2
    return 1
  fi
  echo "$best"
}
