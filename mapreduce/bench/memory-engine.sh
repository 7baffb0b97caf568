#!/bin/bash
# The memory engine's benchmark: item-item and user-user neighbours (default settings: pearson,
# shrink 100, minCommon 5, K 50, no cap) on cfmr synth's ml-32m-shaped sets, with wall, CPU and
# peak RSS from /usr/bin/time -v. Generate the inputs first, e.g. for scale 1:
#   bin/cfmr synth --scale 1 --seed 42 --output /work/data-synth/scale-1/ratings.csv
#   tail -n +2 /work/data-synth/scale-1/ratings.csv > /work/data-synth/scale-1/ratings_train.csv
# Usage: mapreduce/bench/memory-engine.sh DATA_DIR [user|item|both] [THREADS]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
data="$1"; modes="${2:-both}"; threads="${3:-$(nproc)}"
[ "$modes" = both ] && modes="item user"
jar="$(ls "${CFMR_BENCH_BUILD:-$here/cli/target}"/cfmr-*.jar | grep -v original | head -1)"
for mode in $modes; do
  log="$data/bench-$mode.log"
  /usr/bin/time -v java -Xmx${CFMR_BENCH_HEAP:-16g} -cp "$jar:$(dirname "$jar")/lib/*" \
    org.cfmr.mapreduce.memory.MemoryNeighbours "$data/ratings_train.csv" \
    "$data/${mode}_topk_neighbors.txt" "$mode" "$threads" > "$log" 2>&1
  wall=$(grep "Elapsed (wall" "$log" | awk '{print $NF}')
  user=$(grep "User time" "$log" | awk '{print $NF}')
  sys=$(grep "System time" "$log" | awk '{print $NF}')
  rss=$(grep "Maximum resident" "$log" | awk '{print $NF}')
  echo "$(basename "$data") $mode threads=$threads wall=$wall cpu=$(echo "$user + $sys" | bc)s peakRSS=$((rss / 1024))MB | $(grep 'memory engine' "$log")"
done
