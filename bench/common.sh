# Sourced by the bench/*.sh scripts: the JDK, the Maven options and the bench module's build.
# shellcheck source=build/jdk.sh
. "$root/build/jdk.sh"
JAVA_HOME=$(openclaw_find_jdk javac)
export JAVA_HOME MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
cd "$root"

# Installs the bench module and what it depends on (tests and checks skipped) and writes its class path to
# bench/target/classpath.txt.
bench_build() {
  mvn -B -q -pl bench -am install -DskipTests -Djacoco.skip=true -Dcheckstyle.skip=true -Dspotless.check.skip=true \
    -Denforcer.skip=true
  mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile="$root/bench/target/classpath.txt"
}
