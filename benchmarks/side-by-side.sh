#!/usr/bin/env bash
# The benchmarks side by side with HAPI FHIR and WireMock, run by `benchmarks/run.sh`
# (with no argument, or with the names of the parts to run). See run.sh for the usage.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=benchmarks/target/benchmarks.jar
out=benchmarks/target/side-by-side
all_parts=(cold server-start steady parse throughput tokens scale memory)
parts=("$@")
if [ ${#parts[@]} -eq 0 ]; then
  parts=("${all_parts[@]}")
fi
for part in "${parts[@]}"; do
  case " ${all_parts[*]} " in
    *" $part "*) ;;
    *) echo "unknown part: $part (parts: ${all_parts[*]}; or startup, dossier-scale)" >&2; exit 2 ;;
  esac
done

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  echo "building $jar"
  mvn -B -ntp -q -DskipTests package -pl benchmarks -am
fi
if [ $# -eq 0 ]; then
  rm -rf "$out" # a full run: no figure of an earlier run is kept
fi
mkdir -p "$out"

machine="$out/machine.txt"
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
loadavg() { if [ -r /proc/loadavg ]; then cut -d' ' -f1-3 /proc/loadavg; else echo unknown; fi; }
load_before="$(loadavg)"
stat_before=()
if [ -r /proc/stat ]; then stat_before=($(head -n 1 /proc/stat)); fi
cpu_time="$out/cpu-time.txt"
: >"$cpu_time"
started=$(date +%s)

# BENCH_QUICK=1: a few seconds of each part, to check that everything runs (figures meaningless).
samples=10 seconds=15 token_seconds=10 assertions=60000 requests=1000000 wm_requests=160000
sizes=10000,100000,1000000 jmh_quick=()
if [ "${BENCH_QUICK:-}" = 1 ]; then
  samples=2 seconds=3 token_seconds=3 assertions=4000 requests=20000 wm_requests=4000 sizes=10000,100000
  jmh_quick=(-wi 1 -i 1 -w 1 -r 1)
fi

TIMEFORMAT='%3U %3S'
run_part() {
  local part="$1" log="$out/$1.log"
  echo "running $part (log: $log)"
  local t0
  t0=$(date +%s)
  case "$part" in
    steady)
      { time "$java" -jar "$jar" 'io\.mes4j\.benchmarks\.SearchPageBenchmark\..*' -prof gc \
          ${jmh_quick[@]+"${jmh_quick[@]}"} -rf json -rff "$out/steady.json" >"$log" 2>&1; } 2>>"$cpu_time" ;;
    parse)
      { time "$java" -jar "$jar" 'io\.mes4j\.benchmarks\.ParsePageBenchmark\..*' -prof gc \
          ${jmh_quick[@]+"${jmh_quick[@]}"} -rf json -rff "$out/parse.json" >"$log" 2>&1; } 2>>"$cpu_time" ;;
    cold) { time "$java" -cp "$jar" io.mes4j.benchmarks.Compare "$out" cold samples=$samples >"$log" 2>&1; } 2>>"$cpu_time" ;;
    server-start) { time "$java" -cp "$jar" io.mes4j.benchmarks.Compare "$out" server-start samples=$samples >"$log" 2>&1; } 2>>"$cpu_time" ;;
    throughput) { time "$java" -cp "$jar" io.mes4j.benchmarks.Compare "$out" throughput seconds=$seconds >"$log" 2>&1; } 2>>"$cpu_time" ;;
    tokens) { time "$java" -cp "$jar" io.mes4j.benchmarks.Compare "$out" tokens seconds=$token_seconds assertions=$assertions >"$log" 2>&1; } 2>>"$cpu_time" ;;
    scale) { time "$java" -cp "$jar" io.mes4j.benchmarks.Compare "$out" scale sizes=$sizes >"$log" 2>&1; } 2>>"$cpu_time" ;;
    memory) { time "$java" -cp "$jar" io.mes4j.benchmarks.Compare "$out" memory requests=$requests wiremock-requests=$wm_requests >"$log" 2>&1; } 2>>"$cpu_time" ;;
  esac || { tail -n 40 "$log"; exit 1; }
  echo "  $part: $(($(date +%s) - t0)) s"
}
for part in "${parts[@]}"; do
  run_part "$part"
done

# The CPU used during the run by other processes than the benchmarks' (bash's `time` counts the
# CPU of each part and of the processes it waited for; the servers are children of the parts).
others="unknown"
if [ ${#stat_before[@]} -gt 0 ]; then
  after=($(head -n 1 /proc/stat))
  total=0
  for i in 1 2 3 4 5 6 7 8; do total=$((total + after[i] - stat_before[i])); done
  idle=$((after[4] - stat_before[4] + after[5] - stat_before[5]))
  others=$(awk -v busy="$((total - idle))" -v total="$total" -v hz="$(getconf CLK_TCK 2>/dev/null || echo 100)" '
    { own += ($1 + $2) * hz }
    END {
      o = busy - own; if (o < 0) o = 0; if (total <= 0) total = 1
      printf "%d%% (the benchmarks: %d%%)", o * 100 / total, own * 100 / total
    }' "$cpu_time")
fi
{
  echo "run: $(($(date +%s) - started)) s for the parts: ${parts[*]}"
  echo "CPU used by other processes during the run, share of all cores: $others"
  echo "load average (1, 5, 15 min) before the run: $load_before; after: $(loadavg)"
  if [ -n "${BENCH_NOTE:-}" ]; then echo "note: $BENCH_NOTE"; fi
} >>"$machine"

command="benchmarks/run.sh${*:+ $*}"
doc="${BENCH_DOC:-docs/PERFORMANCE.md}" # BENCH_DOC=...: another file (its chart goes beside it)
"$java" -cp "$jar" io.mes4j.benchmarks.internal.SideBySideReport "$out" "$doc" "$machine" "$command"
echo "wrote the section \"Side by side\" of $doc and its chart, $(dirname "$doc")/performance-scale.png"
