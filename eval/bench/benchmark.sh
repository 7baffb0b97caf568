#!/usr/bin/env bash
# Evaluator benchmark (eval/BENCHMARKS.md): predictions per second at 1 and 2 threads and peak
# memory on ml-1m-users-1-2999, split 80/20 (StableHash seed 42), default neighbours (pearson,
# λ=100, minCommon 5, K 50). Run from the project root after `mvn -q -DskipTests package`.
set -euo pipefail
data=${1:-../shared/data/movielens/ml-1m-users-1-2999/ratings.dat}
out=${2:-/tmp/cfmr-bench-ml1m}
heap=${HEAP:-1g}
cp="core/target/classes:mapreduce/target/classes:cli/target/lib/*"
[ -f "$out/item_topk_neighbors.txt" ] || java -cp "$cp" eval/bench/PrepareBenchmark.java "$data" "$out"
for threads in 1 2; do
  echo "== $threads thread(s), -Xmx$heap"
  CFMR_JAVA_OPTS="-Xmx$heap -Xlog:gc:file=$out/gc-$threads.log" /usr/bin/time -f "max RSS %M KiB" \
    bin/cfmr evaluate --folder "$out" --threads "$threads" | grep -E "predictions|RMSE"
  # peak heap after a collection, from the GC log
  grep -oE -- '->[0-9]+M' "$out/gc-$threads.log" | tr -dc '0-9\n' | sort -n | tail -1 \
    | sed 's/^/peak heap after GC (MiB): /'
done
