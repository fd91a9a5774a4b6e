#!/usr/bin/env bash
# Builds the benchmarks, runs the startup benchmarks with JMH and writes docs/PERFORMANCE.md.
#
#   benchmarks/run.sh            # about 2 to 3 minutes on 2 cores
#   benchmarks/run.sh -f 3       # extra arguments go to JMH (here: 3 forks instead of each default)
#
# Nothing here runs in `mvn verify`. Requires a JDK 17+ and Maven 3.8+ (the JDK of JAVA_HOME if
# set, else `java` on the PATH).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=benchmarks/target/benchmarks.jar
results=benchmarks/target/startup.json
log=benchmarks/target/startup-jmh.log
machine=benchmarks/target/machine.txt
benchmarks='io\.mes4j\.benchmarks\.(ServerStart|ClientFirstCall|JvmFirstAnswer)Benchmark\..*'

echo "building $jar"
mvn -B -ntp -q -DskipTests package -pl benchmarks -am

{
  echo "cores (nproc): $(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)"
  if [ -r /proc/meminfo ]; then
    awk '/^MemTotal:/ { printf "memory: %.1f GiB\n", $2 / 1048576 }' /proc/meminfo
  fi
  if command -v lscpu >/dev/null 2>&1; then
    lscpu | sed -n 's/^Model name:[[:space:]]*/cpu: /p'
  fi
  echo "os: $(uname -srm)"
  echo "java -version:"
  "$java" -version 2>&1 | sed 's/^/  /'
} >"$machine"
# The share of the CPUs busy over a second (Linux only): other work on the machine skews the figures.
cpu_busy() {
  [ -r /proc/stat ] || { echo "unknown"; return; }
  local a b
  a=($(head -n 1 /proc/stat)); sleep 1; b=($(head -n 1 /proc/stat))
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  local idle=$((b[4] - a[4] + b[5] - a[5]))
  echo "$(((total - idle) * 100 / (total > 0 ? total : 1)))%"
}
loadavg() { if [ -r /proc/loadavg ]; then cut -d' ' -f1-3 /proc/loadavg; else uptime | sed 's/.*load average[s]*: //'; fi; }
load_before="$(loadavg)"
busy_before="$(cpu_busy)"
case "$busy_before" in
  [0-9]%|1[0-9]%|unknown) ;;
  *) echo "warning: the CPUs were $busy_before busy before the run: other work will skew the figures" >&2 ;;
esac

jmh=("$java" -jar "$jar" "$benchmarks" -rf json -rff "$results" "$@")
echo "running the startup benchmarks (JMH log: $log)"
"${jmh[@]}" >"$log" 2>&1 || { tail -n 40 "$log"; exit 1; }
sed -n '/^Benchmark /,$p' "$log"
{
  echo "CPU busy over 1 s just before the run: $busy_before"
  echo "load average (1, 5, 15 min) before the run: $load_before; after: $(loadavg)"
} >>"$machine"

# Shell-quotes a word only if it needs it, for a command that reads well and can be pasted.
quote() {
  case "$1" in
    *[!A-Za-z0-9_./=:,+-]* | '') printf "'%s'" "${1//\'/\'\\\'\'}" ;;
    *) printf '%s' "$1" ;;
  esac
}
shown=""
for word in "${jmh[@]}"; do shown="$shown${shown:+ }$(quote "$word")"; done
command="benchmarks/run.sh${*:+ $*}
# which builds the jar, then runs:
$shown"
"$java" -cp "$jar" io.mes4j.benchmarks.internal.PerformanceReport \
  "$results" docs/PERFORMANCE.md "$machine" "$command"
echo "wrote docs/PERFORMANCE.md"
