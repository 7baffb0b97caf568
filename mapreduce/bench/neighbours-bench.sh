#!/usr/bin/env bash
# Benchmark of `cfmr neighbours` in local mode: the four-job chain against the in-memory engine
# as the reference, side by side in the same run, both modes, for each dataset named (default:
# ml-latest-small ml-100k ml-1m-users-1-2999). Every rating of the dataset is used as train.
# Each dataset is run CFMR_BENCH_REPS times (default 3), chain and memory engine alternating, and
# the table gives medians: per job of the chain (wall time, shuffle bytes, records, pairs), the
# chain's total and the memory engine's total (both including JVM start), wall and CPU (user +
# sys of the whole process, from /usr/bin/time: the steadier figure on a shared machine), and
# their ratios. The two engines' files are checked byte-identical on every repetition.
# Usage, from the project root after `mvn -q -DskipTests package`:
#   mapreduce/bench/neighbours-bench.sh [dataset ...]
# Datasets are read from ${CFMR_SHARED:-../shared}/data/movielens; extra arguments for
# `cfmr neighbours` may be given in CFMR_BENCH_ARGS (e.g. "--similarity cosine --shrink 0").
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
shared=${CFMR_SHARED:-$root/../shared}
reps=${CFMR_BENCH_REPS:-3}
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

# Wall and CPU seconds (user + sys) of the command given, as "wall cpu" (its output dropped).
seconds() {
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" > /dev/null
  awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$work/time"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

cfmr=$root/bin/cfmr

echo "Medians of $reps runs; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| dataset | ratings | job | wall s | shuffle MiB | records in | records out | pairs emitted / kept |"
echo "|---|---|---|---|---|---|---|---|"
for dataset in "$@"; do
  train=$(train_of "$dataset")
  ratings=$(wc -l < "$train")
  : > "$work/chain-totals" && : > "$work/memory-totals"
  for rep in $(seq "$reps"); do
    seconds "$cfmr" neighbours --train "$train" --output "$work/chain" --engine mapreduce \
      --overwrite --report "$work/$dataset-$rep.json" "${extra[@]}" \
      2> "$work/chain.log" >> "$work/chain-totals"
    seconds "$cfmr" neighbours --train "$train" --output "$work/memory" --engine memory \
      --overwrite "${extra[@]}" 2> /dev/null >> "$work/memory-totals"
    for file in user_topk_neighbors.txt item_topk_neighbors.txt; do
      [ -f "$work/chain/$file" ] || [ -f "$work/memory/$file" ] || continue  # --mode given
      cmp -s "$work/chain/$file" "$work/memory/$file" \
        || { echo "$dataset: $file differs between the engines" >&2; exit 1; }
    done
  done
  # Per job (in chain order), the median of each figure over the repetitions.
  jq -r -s --arg d "$dataset" --arg n "$ratings" '
    def median: sort | if length % 2 == 1 then .[length / 2 | floor]
                       else (.[length / 2 - 1] + .[length / 2]) / 2 end;
    [.[].jobs] | transpose[] | . as $runs | $runs[0] as $job
    | "| \($d) | \($n) | \($job.name) | \([$runs[].wall_ms] | median / 100 | round / 10)"
      + " | \([$runs[].shuffle_bytes] | median / 1048576 * 10 | floor / 10)"
      + " | \($job.map_input_records)"
      + " | \(if $job.reduce_output_records > 0 then $job.reduce_output_records else $job.map_output_records end)"
      + " | \($job.pairs_emitted // $job.pairs_kept // "") |"' "$work/$dataset"-*.json
  chain_wall=$(cut -d' ' -f1 "$work/chain-totals" | median)
  chain_cpu=$(cut -d' ' -f2 "$work/chain-totals" | median)
  memory_wall=$(cut -d' ' -f1 "$work/memory-totals" | median)
  memory_cpu=$(cut -d' ' -f2 "$work/memory-totals" | median)
  printf '| %s | %s | **chain total (incl. JVM start)** | %.1f (CPU %.1f) | | | | |\n' \
    "$dataset" "$ratings" "$chain_wall" "$chain_cpu"
  printf '| %s | %s | memory engine total (same files, byte-identical) | %.1f (CPU %.1f) | | | | |\n' \
    "$dataset" "$ratings" "$memory_wall" "$memory_cpu"
  printf '| %s | %s | **ratio chain / memory** | %.1f× (CPU %.1f×) | | | | |\n' \
    "$dataset" "$ratings" "$(echo "$chain_wall / $memory_wall" | bc -l)" \
    "$(echo "$chain_cpu / $memory_cpu" | bc -l)"
done
