# Shared by ./openclaw, build/test and the benchmarks: find a JDK >= 21 without starting a JVM; the gateway's JVM
# options.
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

# Sets the array openclaw_opts to the JVM options of a gateway process: $1 = server or cli, $2 = the JDK's feature
# version. Used by ./openclaw (the same flags train its AOT caches) and by the benchmarks that start a gateway JVM of
# their own, so both run with the same flags. For the server it also exports MALLOC_ARENA_MAX (unless set).
#
# SerialGC keeps the footprint small; JVM warnings go to stderr so they never mix with command output, and the AOT
# code cache's harmless adapter notes are muted. The CLI compiles with C1 only (short runs).
# The server starts with a 16 MB heap and grows it on demand: the default initial heap (1/64 of RAM) makes start-up
# touch tens of MB of young generation that an idle gateway never needs. The young generation starts at 5 MB and is
# resized after a full collection to the old one's size (NewRatio=1), never past 16 MB; a full collection gives back
# old-generation memory beyond 30 % free at once (openclaw.server.HeapReclaimer asks for one when the old generation
# has grown). Freed native memory (compiler arenas, I/O buffers) goes back to the OS every 5 s (a product flag from
# JDK 22), and two malloc arenas replace eight per core (the JVM's native allocations are few, idle arenas keep
# memory). From JDK 26 the one final-field write the gateway does (a WebSocket's smaller read array, see
# openclaw.http.WebSocketReadBuffer) is allowed, which that JDK would otherwise warn about.
openclaw_jvm_opts() {
  local kind="$1" jdk_major="$2"
  openclaw_opts=(-XX:+UseSerialGC -Xlog:disable -Xlog:all=warning:stderr -Xlog:aot*=error:stderr)
  if [ "$kind" = cli ]; then
    openclaw_opts+=(-XX:TieredStopAtLevel=1)
    return 0
  fi
  openclaw_opts+=(-Xms16m -XX:NewSize=5m -XX:NewRatio=1 -XX:MaxNewSize=16m)
  openclaw_opts+=(-XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-ShrinkHeapInSteps)
  [ "$jdk_major" -ge 22 ] && openclaw_opts+=(-XX:TrimNativeHeapInterval=5000)
  [ "$jdk_major" -ge 26 ] && openclaw_opts+=(--enable-final-field-mutation=ALL-UNNAMED)
  export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
}
