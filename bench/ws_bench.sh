#!/usr/bin/env bash
# Issue 4 budgets over the gateway's WebSocket control plane (method and figures: docs/benchmarks.md):
#   bench/ws_bench.sh idle [connections] [idleSeconds] [sourceAddresses]   10,000 idle sockets: the gateway's RSS
#   bench/ws_bench.sh chat [turnsPerSocket] [socketCounts]                  chat.send -> final latency, instant model
# idle starts the packaged gateway through ./openclaw (BENCH_NMT=1 adds native memory tracking); chat runs the gateway
# in process with an instant fake model.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/bench/common.sh"
what=${1:-}
case "$what" in
  idle) main=openclaw.bench.WsIdleBench ;;
  chat) main=openclaw.bench.ChatSendBench ;;
  *) echo "usage: bench/ws_bench.sh idle|chat [options]" >&2; exit 2 ;;
esac
shift
# 10,000 sockets need that many descriptors in the load client and in the gateway (which inherits the limit).
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
echo "open files limit: $(ulimit -n)"
bench_build
[ "$what" = idle ] && ./openclaw --version >/dev/null # builds the jar and the AOT caches when stale
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dopenclaw.root="$root" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$main" "$@"
