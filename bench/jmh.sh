#!/usr/bin/env bash
# Runs the JMH benchmarks of the bench module: bench/jmh.sh [JMH options], e.g. bench/jmh.sh AgentTurnBenchmark
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/build/jdk.sh"
JAVA_HOME=$(openclaw_find_jdk javac)
export JAVA_HOME MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
cd "$root"
mvn -B -q -pl bench -am install -DskipTests -Djacoco.skip=true -Dcheckstyle.skip=true -Dspotless.check.skip=true \
  -Denforcer.skip=true
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile="$root/bench/target/classpath.txt"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  org.openjdk.jmh.Main "$@"
