#!/usr/bin/env bash
# Issue 5 budget: POST /v1/chat/completions (non-stream, instant in-process model, transcript persisted to SQLite)
# at 64 connections: requests/s, latency percentiles (wrk), and the gateway's RSS after the load.
#   bench/openai_bench.sh [seconds=60] [connections=64] [threads=2]
# The gateway runs as ApiGatewayMain with the launcher's server JVM flags; method and figures: docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/bench/common.sh"
seconds=${1:-60}
connections=${2:-64}
threads=${3:-2}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
bench_build
# The launcher's server flags (openclaw_jvm_opts), so memory figures match a real gateway.
openclaw_jvm_opts server "$(openclaw_jdk_version "$JAVA_HOME")"
flags=("${openclaw_opts[@]}")
read -r -a extra <<<"${OPENCLAW_JAVA_OPTS:-}"
out=$(mktemp)
# The packaged jar (as the launcher runs it) plus the bench classes, with a JDK AOT cache trained for exactly this
# class path and these flags, as the launcher keeps one: without it the JVM starts ~20 MiB larger.
jmh=$(tr ':' '\n' <bench/target/classpath.txt | grep '/jmh-core-' | head -1)
cp="openclaw-gateway/target/openclaw-gateway.jar:$(ls bench/target/openclaw-bench-*.jar | head -1):$jmh"
cache="bench/target/api-gateway-$( (echo "${flags[*]} ${extra[*]}"; cat openclaw-gateway/target/openclaw-gateway.jar \
  bench/target/openclaw-bench-*.jar) | sha256sum | cut -c1-16).aot"
start_gateway() { # [extra JVM options...]
  "$JAVA_HOME/bin/java" "${flags[@]}" "$@" "${extra[@]}" --enable-native-access=ALL-UNNAMED -cp "$cp" \
    openclaw.bench.ApiGatewayMain </dev/null >"$out" &
  pid=$!
  for _ in $(seq 1 100); do [ -s "$out" ] && break; sleep 0.1; done
  read -r port tokenfile <"$out"
  OPENCLAW_BENCH_TOKEN=$(cat "$tokenfile"); export OPENCLAW_BENCH_TOKEN
  url="http://127.0.0.1:$port/v1/chat/completions"
}
if [ ! -f "$cache" ] && [ -z "${BENCH_NO_AOT:-}" ]; then
  echo "== training the AOT cache $cache (10 s of load)"
  rm -f bench/target/api-gateway-*.aot
  start_gateway -XX:AOTCacheOutput="$cache"
  wrk -t"$threads" -c"$connections" -d10s -s bench/openai_chat.lua "$url" >/dev/null
  kill -TERM $pid; wait $pid || true
  : >"$out"
fi
aot=()
[ -f "$cache" ] && [ -z "${BENCH_NO_AOT:-}" ] && aot=(-XX:AOTCache="$cache")
start_gateway "${aot[@]}"
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -f "$out"' EXIT
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
