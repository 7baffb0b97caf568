#!/usr/bin/env bash
# cfmr als's two engines side by side on one split: the memory engine (all cores) and the
# MapReduce engine (a map-only job per half-iteration, Hadoop's local runner), same settings.
#
#   als/bench/engines.sh [-n RUNS] SPLIT_DIR [RANK ITERATIONS]
#
# SPLIT_DIR holds `cfmr split`'s ratings_train.csv. RANK and ITERATIONS default to 64 and 10
# (reg 0.08, seed 42). The engines alternate, RUNS times each (default 3), each run a fresh JVM
# timed by /usr/bin/time; after every pair the factor files are compared byte for byte. It prints
# every run, then the medians of wall and CPU (user + sys) and of the pairs' ratios MapReduce/memory.
# Needs the jar (mvn -q -DskipTests package).
set -euo pipefail
shopt -s inherit_errexit

home=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runs=3
if [ "${1:-}" = "-n" ]; then
  runs=$2
  shift 2
fi
if [ $# -lt 1 ] || [ ! -f "$1/ratings_train.csv" ]; then
  echo "usage: $0 [-n RUNS] SPLIT_DIR [RANK ITERATIONS]" >&2
  exit 2
fi
train="$(cd "$1" && pwd)/ratings_train.csv"
rank=${2:-64}
iterations=${3:-10}

work=$(mktemp -d "${TMPDIR:-/tmp}/cfmr-als-engines.XXXXXX")
trap 'rm -rf "$work"' EXIT

# run ENGINE: fits into $work/ENGINE; prints "wall cpu" seconds.
run() {
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$home/bin/cfmr" als --train "$train" \
    --output "$work/$1" --overwrite --engine "$1" --rank "$rank" --iterations "$iterations" \
    --reg 0.08 --seed 42 >"$work/$1.log" 2>&1 || {
    tail -20 "$work/$1.log" >&2
    exit 1
  }
  awk '{ printf "%.2f %.2f", $1, $2 + $3 }' "$work/time"
}

echo "train $train, rank $rank, $iterations iterations, $runs runs, $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'run\tengine\twall_s\tcpu_s\n'
for i in $(seq 1 "$runs"); do
  if [ $((i % 2)) -eq 1 ]; then order=(memory mapreduce); else order=(mapreduce memory); fi
  for engine in "${order[@]}"; do
    read -r wall cpu <<<"$(run "$engine")"
    printf '%s\t%s\t%s\t%s\n' "$i" "$engine" "$wall" "$cpu" | tee -a "$work/results.tsv"
  done
  for file in user_factors.txt item_factors.txt; do
    cmp -s "$work/memory/$file" "$work/mapreduce/$file" || {
      echo "the engines' $file differ" >&2
      exit 1
    }
  done
done
echo "factor files byte-identical in every run; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"

awk -F'\t' '
  function median(list,   values, n, i, j, t) {
    n = split(list, values, " ")
    for (i = 2; i <= n; i++)
      for (j = i; j > 1 && values[j - 1] + 0 > values[j] + 0; j--) {
        t = values[j]; values[j] = values[j - 1]; values[j - 1] = t
      }
    return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
  }
  { wall[$2] = wall[$2] " " $3; cpu[$2] = cpu[$2] " " $4; w[$1, $2] = $3; c[$1, $2] = $4; last = $1 }
  END {
    for (i = 1; i <= last; i++) {
      wallRatio = wallRatio " " w[i, "mapreduce"] / w[i, "memory"]
      cpuRatio = cpuRatio " " c[i, "mapreduce"] / c[i, "memory"]
    }
    print "| engine | wall (median) | CPU (median) |"
    print "|---|---:|---:|"
    printf "| memory | %.1f s | %.1f s |\n", median(wall["memory"]), median(cpu["memory"])
    printf "| mapreduce | %.1f s | %.1f s |\n", median(wall["mapreduce"]), median(cpu["mapreduce"])
    printf "| mapreduce / memory | %.2f | %.2f |\n", median(wallRatio), median(cpuRatio)
  }' "$work/results.tsv"
