#!/usr/bin/env bash
# Runs the JMH benchmarks of the bench module: bench/jmh.sh [JMH options], e.g. bench/jmh.sh AgentTurnBenchmark
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/bench/common.sh"
bench_build
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  org.openjdk.jmh.Main "$@"
