package org.cfmr.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Mode;
import org.cfmr.core.Similarity;
import org.cfmr.core.SimilaritySettings;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.baseline.BaselineFit;
import org.cfmr.core.predict.NeighbourLists;
import org.cfmr.core.predict.TrainData;
import org.cfmr.mapreduce.memory.MemoryNeighbours;

/**
 * {@code cfmr sweep}'s work: for each similarity, shrinkage and minCommon of the grid, the
 * neighbour files at the largest K by the in-memory engine (byte-identical to the MapReduce
 * chain), then each smaller K as the first K of each list (exactly the top-K of that K), each
 * evaluated.
 */
public final class Sweep {
  private Sweep() {}

  /** The settings grid. */
  public record Grid(List<Similarity> measures, List<Double> shrinks, List<Integer> minCommons,
      List<Integer> ks, List<Integer> maxPivotRatings, List<Mode> modes) {}

  /** One grid point's neighbour settings and its evaluation. */
  public record Row(SimilaritySettings neighbours, EvaluationResult result) {
    /**
     * e.g. {@code pearson λ=100 minCommon=5 K=50}, with {@code cap=N} where pivots are capped and
     * {@code (default)} or {@code (seed)}.
     */
    public String label() {
      String base = String.format(Locale.ROOT, "%s λ=%s minCommon=%d K=%d",
          neighbours.measure(), number(neighbours.shrink()), neighbours.minCommon(),
          neighbours.k())
          + (neighbours.capsPivots() ? " cap=" + neighbours.maxPivotRatings() : "");
      SimilaritySettings defaults = SimilaritySettings.defaults();
      if (neighbours.equals(defaults)) {
        return base + " (default)";
      }
      if (neighbours.equals(defaults.withMeasure(Similarity.COSINE).withShrink(0))) {
        return base + " (seed)";
      }
      return base;
    }

    /** The grid values as CSV fields: similarity,shrink,min_common,k,max_pivot_ratings. */
    public String csvFields() {
      return neighbours.measure() + "," + number(neighbours.shrink()) + ","
          + neighbours.minCommon() + "," + neighbours.k() + "," + neighbours.maxPivotRatings();
    }
  }

  /** Runs the grid on a train file (and its data) and test ratings; rows in grid order. */
  public static List<Row> run(Path trainFile, TrainData train, TestRatings test, Grid grid,
      EvaluationSettings evaluation, Configuration conf) {
    java.nio.file.Path temporary;
    try {
      temporary = Files.createTempDirectory("cfmr-sweep");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int maxK = grid.ks().stream().max(Comparator.naturalOrder()).orElseThrow();
    List<Integer> ks = grid.ks().stream().sorted().distinct().toList();
    List<Row> rows = new ArrayList<>();
    Baseline baseline = evaluation.needsBaseline()
        ? BaselineFit.fit(train, evaluation.baseline(), evaluation.threads()) : null;
    try {
      for (Similarity measure : grid.measures()) {
        for (double shrink : grid.shrinks()) {
          for (int minCommon : grid.minCommons()) {
            for (int cap : grid.maxPivotRatings()) {
              SimilaritySettings settings = SimilaritySettings.defaults().withMeasure(measure)
                  .withShrink(shrink).withMinCommon(minCommon).withMaxPivotRatings(cap)
                  .withK(maxK);
              rows.addAll(evaluateEachK(trainFile, train, test, settings, ks, grid.modes(),
                  evaluation, baseline, temporary, conf));
            }
          }
        }
      }
    } finally {
      deleteQuietly(temporary);
    }
    return rows;
  }

  /** Neighbours at {@code settings} (the largest K) for each mode, evaluated at each K. */
  private static List<Row> evaluateEachK(Path trainFile, TrainData train, TestRatings test,
      SimilaritySettings settings, List<Integer> ks, List<Mode> modes,
      EvaluationSettings evaluation, Baseline baseline, java.nio.file.Path temporary,
      Configuration conf) {
    List<NeighbourLists> lists = new ArrayList<>();
    for (Mode mode : modes) {
      Path file = new Path(temporary.resolve(mode.cliName() + ".txt").toUri());
      MemoryNeighbours.write(trainFile, file, mode == Mode.USER, settings, evaluation.threads(),
          conf);
      lists.add(NeighbourLists.read(file, conf));
    }
    List<Row> rows = new ArrayList<>();
    for (int k : ks) {
      for (int m = 0; m < modes.size(); m++) {
        EvaluationResult result = Evaluation.run(train, test, lists.get(m).truncate(k),
            evaluation.withMode(modes.get(m)), baseline);
        rows.add(new Row(settings.withK(k), result));
      }
    }
    return rows;
  }

  private static void deleteQuietly(java.nio.file.Path folder) {
    try (var files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary folder is harmless
    }
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
