#!/usr/bin/env bash
# Issue 5 budget: POST /v1/chat/completions (non-stream, instant in-process model, transcript persisted to SQLite)
# at 64 connections: requests/s, latency percentiles (wrk), and the gateway's RSS after the load.
#   bench/openai_bench.sh [seconds=60] [connections=64] [threads=2]
# The gateway runs as ApiGatewayMain with the launcher's server JVM flags; method and figures: docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/build/jdk.sh"
JAVA_HOME=$(openclaw_find_jdk javac)
export JAVA_HOME MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
cd "$root"
seconds=${1:-60}
connections=${2:-64}
threads=${3:-2}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
mvn -B -q -pl bench -am install -DskipTests -Djacoco.skip=true -Dcheckstyle.skip=true -Dspotless.check.skip=true \
  -Denforcer.skip=true
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile="$root/bench/target/classpath.txt"
# The launcher's server flags (see ./openclaw), so memory figures match a real gateway.
flags=(-XX:+UseSerialGC -Xms16m -XX:MaxNewSize=16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30
  -XX:-ShrinkHeapInSteps -XX:TrimNativeHeapInterval=5000 -Xlog:disable -Xlog:all=warning:stderr)
read -r -a extra <<<"${OPENCLAW_JAVA_OPTS:-}"
out=$(mktemp)
"$JAVA_HOME/bin/java" "${flags[@]}" "${extra[@]}" --enable-native-access=ALL-UNNAMED \
  -cp "bench/target/classes:openclaw-gateway/target/classes:openclaw-sdk/target/classes:$(cat bench/target/classpath.txt)" openclaw.bench.ApiGatewayMain </dev/null >"$out" 2>/tmp/bench-err.log &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 1 100); do [ -s "$out" ] && break; sleep 0.1; done
read -r port tokenfile <"$out"
OPENCLAW_BENCH_TOKEN=$(cat "$tokenfile"); export OPENCLAW_BENCH_TOKEN
url="http://127.0.0.1:$port/v1/chat/completions"
# One checked request first: a wrong token would only show up as wrk "status" errors.
curl -sf -o /dev/null -H "Authorization: Bearer $OPENCLAW_BENCH_TOKEN" -H 'Content-Type: application/json' \
  -d '{"model":"openclaw","messages":[{"role":"user","content":"hi"}]}' "$url" || { echo "probe request failed" >&2; exit 1; }
echo "gateway pid $pid on port $port; RSS at start: $(awk '/VmRSS/{print $2/1024 " MiB"}' /proc/$pid/status)"
echo "== warm-up ${WARMUP:-15} s"
wrk -t"$threads" -c"$connections" -d"${WARMUP:-15}s" -s bench/openai_chat.lua "$url" | grep -E "requests/s|p99:|errors" || true
echo "== measured ${seconds} s, $connections connections, $threads wrk threads"
wrk -t"$threads" -c"$connections" -d"${seconds}s" -s bench/openai_chat.lua "$url"
echo "RSS after load: $(awk '/VmRSS/{print $2/1024 " MiB"}' /proc/$pid/status)"
sleep 10
echo "RSS 10 s after load: $(awk '/VmRSS/{print $2/1024 " MiB"}' /proc/$pid/status)"
