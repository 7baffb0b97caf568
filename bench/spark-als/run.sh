#!/usr/bin/env bash
# cfmr's ALS (`cfmr als --evaluate`, memory engine, all cores) against Spark MLlib's ALS
# (local[2], SparkAls beside this script) on the same split and settings, side by side.
#
#   bench/spark-als/run.sh [-n RUNS] [-s] SPLIT_DIR [RANK,REG,ITERATIONS ...]
#
# SPLIT_DIR holds `cfmr split`'s ratings_train.csv and ratings_test.csv. The settings default to
# 10,0.1,10 and 64,0.08,15. Each setting runs RUNS times (default 5) in pairs, the two engines
# alternating which goes first. Each run is a fresh JVM; per engine it records the fit time the
# engine prints (cfmr: its last iteration line, the iterations alone, 0.1 s resolution; Spark:
# ALS.fit on the cached train ratings), the test RMSE and MAE, and the whole process's wall and
# CPU (user + sys) seconds from /usr/bin/time. It prints every run, then a Markdown table of the
# medians and of Spark/cfmr (the median of the pairs' ratios). Both engines use seed 42; with -s
# run r uses seed r instead, so the RMSE medians are over RUNS random starts. Needs the jar (mvn -q -DskipTests
# package); builds the Spark module on first use (that one needs the Maven registry once).
set -euo pipefail
shopt -s inherit_errexit

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
home=$(cd "$here/../.." && pwd)

runs=5
if [ "${1:-}" = "-n" ]; then
  runs=$2
  shift 2
fi
seed_per_run=false
if [ "${1:-}" = "-s" ]; then
  seed_per_run=true
  shift
fi
if [ $# -lt 1 ] || [ ! -f "$1/ratings_train.csv" ] || [ ! -f "$1/ratings_test.csv" ]; then
  echo "usage: $0 [-n RUNS] [-s] SPLIT_DIR [RANK,REG,ITERATIONS ...]" >&2
  echo "  SPLIT_DIR: the output of cfmr split (ratings_train.csv, ratings_test.csv)" >&2
  exit 2
fi
split=$(cd "$1" && pwd)
shift
settings=("$@")
[ ${#settings[@]} -gt 0 ] || settings=("10,0.1,10" "64,0.08,15")

if [ ! -f "$here/target/classpath.txt" ]; then
  mvn -B -q -f "$here/pom.xml" package
fi
spark_classpath="$(ls "$here"/target/cfmr-bench-spark-als-*.jar):$(cat "$here/target/classpath.txt")"
# The options Spark's own launcher gives a JDK 17 (JavaModuleOptions), and cfmr's heap.
spark_jvm=(-Xmx8g -XX:+IgnoreUnrecognizedVMOptions -Djdk.reflect.useDirectMethodHandle=false)
for package in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
    java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs \
    sun.security.action sun.util.calendar; do
  spark_jvm+=("--add-opens=java.base/$package=ALL-UNNAMED")
done

work=$(mktemp -d "${TMPDIR:-/tmp}/cfmr-spark-als.XXXXXX")
trap 'rm -rf "$work"' EXIT
results="$work/results.tsv"

# timed LOG COMMAND...: runs COMMAND with its output in LOG; prints "wall cpu" seconds.
timed() {
  local log=$1
  shift
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >"$log" 2>&1 || {
    echo "failed: $1 (its first errors, then its last lines):" >&2
    grep -m 5 -E 'Exception|Error' "$log" >&2 || true
    tail -20 "$log" >&2
    exit 1
  }
  awk '{ printf "%.2f %.2f", $1, $2 + $3 }' "$work/time"
}

# run_cfmr RANK REG ITERATIONS SEED: prints "fit wall cpu rmse mae".
run_cfmr() {
  local log="$work/cfmr.log" times
  times=$(timed "$log" "$home/bin/cfmr" als --train "$split/ratings_train.csv" \
    --output "$work/cfmr-out" --overwrite --rank "$1" --reg "$2" --iterations "$3" \
    --seed "$4" --evaluate "$split/ratings_test.csv")
  local fit error
  fit=$(sed -n 's/^als: iteration \([0-9]*\)\/\1: .*, \([0-9.]*\) s$/\2/p' "$log")
  error=$(sed -n 's/^als test: RMSE \([0-9.]*\), MAE \([0-9.]*\) .*/\1 \2/p' "$log")
  echo "$fit $times $error"
}

# run_spark RANK REG ITERATIONS SEED: prints "fit wall cpu rmse mae".
run_spark() {
  local log="$work/spark.log" times
  times=$(timed "$log" java "${spark_jvm[@]}" -cp "$spark_classpath" org.cfmr.bench.spark.SparkAls \
    --train "$split/ratings_train.csv" --test "$split/ratings_test.csv" \
    --rank "$1" --reg "$2" --iterations "$3" --seed "$4" --master 'local[2]')
  local fit error
  fit=$(sed -n 's/^spark als: .*: fit \([0-9.]*\) s, .*/\1/p' "$log")
  error=$(sed -n 's/^spark als: .*, test RMSE \([0-9.]*\), MAE \([0-9.]*\) .*/\1 \2/p' "$log")
  echo "$fit $times $error"
}

echo "split $split, $runs runs a setting, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'setting\trun\tengine\tfit_s\twall_s\tcpu_s\trmse\tmae\n'
for setting in "${settings[@]}"; do
  IFS=, read -r rank reg iterations <<<"$setting"
  for run in $(seq 1 "$runs"); do
    if [ $((run % 2)) -eq 1 ]; then order=(cfmr spark); else order=(spark cfmr); fi
    for engine in "${order[@]}"; do
      seed=42
      if $seed_per_run; then seed=$run; fi
      measured=$("run_$engine" "$rank" "$reg" "$iterations" "$seed")
      read -r fit wall cpu rmse mae <<<"$measured"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$setting" "$run" "$engine" "$fit" "$wall" \
        "$cpu" "$rmse" "$mae" | tee -a "$results"
    done
  done
done
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"

# The medians per setting and engine, and the median over the runs of Spark/cfmr.
awk -F'\t' -v data="$(basename "$split")" '
  function median(list,   values, n, i, j, t) {
    n = split(list, values, " ")
    for (i = 2; i <= n; i++) {
      for (j = i; j > 1 && values[j - 1] + 0 > values[j] + 0; j--) {
        t = values[j]; values[j] = values[j - 1]; values[j - 1] = t
      }
    }
    return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
  }
  {
    key = $1 SUBSEP $3
    if (!($1 in seen)) { seen[$1] = 1; order[++settings] = $1 }
    for (c = 4; c <= 8; c++) column[key, c] = column[key, c] " " $c
    run[$1, $2, $3, 4] = $4; run[$1, $2, $3, 5] = $5; run[$1, $2, $3, 6] = $6
    runs[$1] = $2
  }
  END {
    print ""
    print "| data | rank, reg, iterations | engine | test RMSE | MAE | fit s | process wall s | process CPU s |"
    print "|---|---|---|---|---|---|---|---|"
    for (s = 1; s <= settings; s++) {
      setting = order[s]
      label = setting; gsub(",", ", ", label)
      for (e = 1; e <= 2; e++) {
        engine = e == 1 ? "cfmr" : "spark"
        key = setting SUBSEP engine
        printf "| %s | %s | %s | %.4f | %.4f | %.2f | %.1f | %.1f |\n", data, label,
          engine == "cfmr" ? "cfmr memory, 2 threads" : "Spark ALS, local[2]",
          median(column[key, 7]), median(column[key, 8]), median(column[key, 4]),
          median(column[key, 5]), median(column[key, 6])
      }
      for (c = 4; c <= 6; c++) {
        ratios = ""
        for (r = 1; r <= runs[setting]; r++) {
          ratios = ratios " " run[setting, r, "spark", c] / run[setting, r, "cfmr", c]
        }
        ratio[c] = median(ratios)
      }
      printf "| %s | %s | Spark / cfmr | | | %.1f× | %.1f× | %.1f× |\n", data, label,
        ratio[4], ratio[5], ratio[6]
    }
  }' "$results"
