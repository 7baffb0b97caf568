#!/usr/bin/env bash
# Benchmark of `cfmr neighbours` in local mode: wall time and shuffle bytes per job of the chain,
# both modes, for each dataset named (default: ml-latest-small ml-100k ml-1m-users-1-2999), and
# the memory engine's total for comparison. Every rating of the dataset is used as train.
# Prints a Markdown table for BENCHMARKS.md. Usage, from the project root after
# `mvn -q -DskipTests package`:
#   mapreduce/bench/neighbours-bench.sh [dataset ...]
# Datasets are read from ${CFMR_SHARED:-../shared}/data/movielens; extra arguments for
# `cfmr neighbours` may be given in CFMR_BENCH_ARGS (e.g. "--similarity cosine --shrink 0").
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
shared=${CFMR_SHARED:-$root/../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
read -r -a extra <<< "${CFMR_BENCH_ARGS:-}"
[ $# -gt 0 ] || set -- ml-latest-small ml-100k ml-1m-users-1-2999

# The dataset's ratings as the pipeline's header-less userId,movieId,rating,timestamp.
train_of() {
  local dir=$shared/data/movielens/$1 out=$work/$1.csv
  if [ -f "$dir/ratings.csv" ]; then tail -n +2 "$dir/ratings.csv" > "$out"
  elif [ -f "$dir/u.data" ]; then tr '\t' ',' < "$dir/u.data" > "$out"
  elif [ -f "$dir/ratings.dat" ]; then sed 's/::/,/g' "$dir/ratings.dat" > "$out"
  else echo "no ratings file in $dir" >&2; exit 1
  fi
  echo "$out"
}

echo "| dataset | ratings | job | wall s | shuffle MiB | records in | records out | pairs emitted / kept |"
echo "|---|---|---|---|---|---|---|---|"
for dataset in "$@"; do
  train=$(train_of "$dataset")
  ratings=$(wc -l < "$train")
  start=$(date +%s.%N)
  "$root/bin/cfmr" neighbours --train "$train" --output "$work/out-$dataset" --engine mapreduce \
    --report "$work/$dataset.json" "${extra[@]}" 2> "$work/$dataset.log"
  total=$(echo "$(date +%s.%N) - $start" | bc)
  jq -r --arg d "$dataset" --arg n "$ratings" '.jobs[] | "| \($d) | \($n) | \(.name) | \(.wall_ms / 1000) | \(.shuffle_bytes / 1048576 * 10 | floor / 10) | \(.map_input_records) | \(if .reduce_output_records > 0 then .reduce_output_records else .map_output_records end) | \(.pairs_emitted // .pairs_kept // "") |"' "$work/$dataset.json"
  start=$(date +%s.%N)
  "$root/bin/cfmr" neighbours --train "$train" --output "$work/memory-$dataset" --engine memory \
    "${extra[@]}" 2> /dev/null
  memory=$(echo "$(date +%s.%N) - $start" | bc)
  for file in user_topk_neighbors.txt item_topk_neighbors.txt; do
    cmp -s "$work/out-$dataset/$file" "$work/memory-$dataset/$file" \
      || { echo "$dataset: $file differs between the engines" >&2; exit 1; }
  done
  printf '| %s | %s | **chain total (both modes, incl. JVM start)** | %.1f | | | | |\n' "$dataset" "$ratings" "$total"
  printf '| %s | %s | memory engine total (same files, byte-identical) | %.1f | | | | |\n' "$dataset" "$ratings" "$memory"
done
