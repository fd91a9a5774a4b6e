#!/usr/bin/env bash
# Builds the benchmarks, runs them and writes their section of docs/PERFORMANCE.md (the other
# sections are kept).
#
#   benchmarks/run.sh                  # everything side by side with HAPI FHIR and WireMock:
#                                      # about 15 minutes on 2 cores; writes "Side by side"
#                                      # and docs/performance-scale.png
#   benchmarks/run.sh cold tokens      # only these parts of it (cold, server-start, steady, parse,
#                                      # throughput, tokens, scale, memory); the section is rewritten
#                                      # from the results of this run and the parts kept from before
#   benchmarks/run.sh startup          # the startup benchmarks (JMH): about 2 to 3 minutes
#   benchmarks/run.sh startup -f 3     # extra arguments go to JMH (here: 3 forks instead of each default)
#   benchmarks/run.sh dossier-scale    # dossier search at scale (JMH, 1 000 000 documents):
#                                      # about 5 minutes, 6 GB of heap per JMH fork
#   benchmarks/run.sh dossier-scale -p scale=1000/1000   # one configuration only
#
# Environment: BENCH_SKIP_BUILD=1 reuses benchmarks/target/benchmarks.jar as it is; BENCH_NOTE=...
# adds a line to the machine's description (say what else ran on the machine).
#
# Nothing here runs in `mvn verify`. Requires a JDK 17+ (with jcmd) and Maven 3.8+ (the JDK of
# JAVA_HOME if set, else `java` on the PATH), Linux for the resident memory (/proc).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=benchmarks/target/benchmarks.jar
case "${1:-}" in
  startup) set_name=startup; shift ;;
  dossier-scale) set_name=scale; shift ;;
  *) exec "$root/benchmarks/side-by-side.sh" "$@" ;;
esac
results=benchmarks/target/$set_name.json
log=benchmarks/target/$set_name-jmh.log
machine=benchmarks/target/$set_name-machine.txt
if [ "$set_name" = scale ]; then
  benchmarks='io\.mes4j\.benchmarks\.DossierSearchScaleBenchmark\..*'
  report=io.mes4j.benchmarks.internal.ScaleReport
  run_command="benchmarks/run.sh dossier-scale"
else
  benchmarks='io\.mes4j\.benchmarks\.(ServerStart|ClientFirstCall|JvmFirstAnswer)Benchmark\..*'
  report=io.mes4j.benchmarks.internal.PerformanceReport
  run_command="benchmarks/run.sh startup"
fi

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  echo "building $jar"
  mvn -B -ntp -q -DskipTests package -pl benchmarks -am
fi

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
echo "running the $set_name benchmarks (JMH log: $log)"
cpu_time=benchmarks/target/$set_name-cpu-time.txt
stat_before=()
if [ -r /proc/stat ]; then stat_before=($(head -n 1 /proc/stat)); fi
# bash's `time` counts the CPU of JMH and of the forks it waited for: the benchmarks' own share.
TIMEFORMAT='%3U %3S'
{ time "${jmh[@]}" >"$log" 2>&1; } 2>"$cpu_time" || { tail -n 40 "$log"; exit 1; }
sed -n '/^Benchmark /,$p' "$log"
# The machine's CPU used during the run by other processes than the benchmarks' (Linux only).
cpu_others() {
  [ ${#stat_before[@]} -gt 0 ] || { echo "unknown"; return; }
  local after total=0 i
  after=($(head -n 1 /proc/stat))
  for i in 1 2 3 4 5 6 7 8; do total=$((total + after[i] - stat_before[i])); done
  local idle=$((after[4] - stat_before[4] + after[5] - stat_before[5]))
  local hz
  hz="$(getconf CLK_TCK 2>/dev/null || echo 100)"
  awk -v busy="$((total - idle))" -v total="$total" -v hz="$hz" -v own="$(cat "$cpu_time")" '
    BEGIN {
      split(own, t, " "); ours = (t[1] + t[2]) * hz
      others = busy - ours; if (others < 0) others = 0
      if (total <= 0) total = 1
      printf "%d%% (the benchmarks: %d%%)", others * 100 / total, ours * 100 / total
    }'
}
others_during="$(cpu_others)"
{
  echo "CPU busy over 1 s just before the run: $busy_before"
  echo "CPU used by other processes during the run, share of all cores: $others_during"
  echo "load average (1, 5, 15 min) before the run: $load_before; after: $(loadavg)"
} >>"$machine"
case "$others_during" in
  [0-9]%*|unknown) ;;
  *) echo "warning: other processes used $others_during of the CPUs during the run: the figures are skewed" >&2 ;;
esac

# Shell-quotes a word only if it needs it, for a command that reads well and can be pasted.
quote() {
  case "$1" in
    *[!A-Za-z0-9_./=:,+-]* | '') printf "'%s'" "${1//\'/\'\\\'\'}" ;;
    *) printf '%s' "$1" ;;
  esac
}
shown=""
for word in "${jmh[@]}"; do shown="$shown${shown:+ }$(quote "$word")"; done
command="$run_command${*:+ $*}
# which builds the jar, then runs:
$shown"
if [ "$set_name" = scale ]; then
  grep '^scale-setup\|: scale-setup' "$log" | sed 's/.*scale-setup/scale-setup/' || true
  "$java" -cp "$jar" "$report" "$results" "$log" docs/PERFORMANCE.md "$machine" "$command"
else
  "$java" -cp "$jar" "$report" "$results" docs/PERFORMANCE.md "$machine" "$command"
fi
echo "wrote its section of docs/PERFORMANCE.md"
