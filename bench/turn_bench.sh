#!/usr/bin/env bash
# Issue 5, storage side: turns/s of the run engine (ChatRuns + AgentRunner + SQLite, no HTTP) with an instant model.
#   bench/turn_bench.sh [turnsPerSession] [concurrency] [seconds] [warmupSeconds]    defaults 1 64 20 10
# Runs with the gateway's JVM flags (SerialGC, -Xms16m); method and figures: docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/bench/common.sh"
# Classes come from this checkout's reactor (not ~/.m2), so a concurrent `mvn install` elsewhere cannot swap them.
mvn -B -q -pl bench -am package dependency:build-classpath -DskipTests -Djacoco.skip=true -Dcheckstyle.skip=true \
  -Dspotless.check.skip=true -Denforcer.skip=true -Dmdep.outputFile="$root/bench/target/classpath.txt"
exec "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xms16m ${BENCH_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" openclaw.bench.TurnPersistenceBench "$@"
