package org.cfmr.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Mode;
import org.cfmr.core.similarity.Similarity;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.baseline.BaselineFit;
import org.cfmr.core.baseline.BaselineSettings;
import org.cfmr.core.predict.NeighbourLists;
import org.cfmr.core.predict.TrainData;
import org.cfmr.mapreduce.memory.MemoryNeighbours;
import org.cfmr.core.io.NeighbourListsFile;

/**
 * {@code cfmr sweep}'s work: for each similarity, shrinkage and minCommon of the grid, the
 * neighbour files at the largest K by the in-memory engine (byte-identical to the MapReduce
 * chain), then each smaller K as the first K of each list (exactly the top-K of that K), each
 * evaluated with each prediction setting (predictor, damping, baseline λs).
 */
public final class Sweep {
  private Sweep() {}

  /** The settings grid. */
  public record Grid(List<Similarity> measures, List<Double> shrinks, List<Integer> minCommons,
      List<Integer> ks, List<Integer> maxPivotRatings, List<Mode> modes) {}

  /** One grid point's neighbour settings and its evaluation. */
  public record Row(NeighbourSettings neighbours, EvaluationResult result) {
    /**
     * e.g. {@code pearson λ=100 minCommon=5 K=50}, with {@code cap=N} where pivots are capped and
     * {@code (default)} or {@code (seed)}.
     */
    public String label() {
      String base = String.format(Locale.ROOT, "%s λ=%s minCommon=%d K=%d",
          neighbours.measure(), number(neighbours.shrink()), neighbours.minCommon(),
          neighbours.k())
          + (neighbours.capsPivots() ? " cap=" + neighbours.maxPivotRatings() : "");
      NeighbourSettings defaults = NeighbourSettings.defaults();
      if (neighbours.equals(defaults)) {
        return base + " (default)";
      }
      if (neighbours.equals(defaults.withMeasure(Similarity.COSINE).withShrink(0))) {
        return base + " (seed)";
      }
      return base;
    }

    /**
     * The row's settings but K and the mode, e.g. {@code pearson λ=100 minCommon=5,
     * knn-baseline λp=1}: the curve of {@link SweepPlots} the row is a point of.
     */
    public String curve() {
      return String.format(Locale.ROOT, "%s λ=%s minCommon=%d", neighbours.measure(),
          number(neighbours.shrink()), neighbours.minCommon())
          + (neighbours.capsPivots() ? " cap=" + neighbours.maxPivotRatings() : "")
          + (result.settings().describePredictor().isEmpty() ? ""
              : ", " + result.settings().describePredictor());
    }

    /** The header of {@link #csvFields}. */
    public static final String CSV_HEADER = "similarity,shrink,min_common,k,max_pivot_ratings,"
        + "predictor,damping,baseline_reg_user,baseline_reg_item";

    /** The grid values as CSV fields, as {@link #CSV_HEADER} names them. */
    public String csvFields() {
      EvaluationSettings prediction = result.settings();
      return neighbours.measure() + "," + number(neighbours.shrink()) + ","
          + neighbours.minCommon() + "," + neighbours.k() + "," + neighbours.maxPivotRatings()
          + "," + prediction.centring() + "," + number(prediction.damping()) + ","
          + number(prediction.baseline().userRegularisation()) + ","
          + number(prediction.baseline().itemRegularisation());
    }
  }

  /** Runs the grid with one prediction setting. */
  public static List<Row> run(Path trainFile, TrainData train, TestRatings test, Grid grid,
      EvaluationSettings evaluation, Configuration conf) {
    return run(trainFile, train, test, grid, List.of(evaluation), conf);
  }

  /**
   * Runs the grid on a train file (and its data) and test ratings, each grid point evaluated with
   * each of {@code predictions} (which differ in their centring, damping and baseline only); rows
   * in grid order, then K, then prediction setting, then mode.
   */
  public static List<Row> run(Path trainFile, TrainData train, TestRatings test, Grid grid,
      List<EvaluationSettings> predictions, Configuration conf) {
    java.nio.file.Path temporary;
    try {
      temporary = Files.createTempDirectory("cfmr-sweep");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int maxK = grid.ks().stream().max(Comparator.naturalOrder()).orElseThrow();
    List<Integer> ks = grid.ks().stream().sorted().distinct().toList();
    List<Row> rows = new ArrayList<>();
    Map<BaselineSettings, Baseline> baselines = fits(train, predictions);
    try {
      for (Similarity measure : grid.measures()) {
        for (double shrink : grid.shrinks()) {
          for (int minCommon : grid.minCommons()) {
            for (int cap : grid.maxPivotRatings()) {
              NeighbourSettings settings = NeighbourSettings.defaults().withMeasure(measure)
                  .withShrink(shrink).withMinCommon(minCommon).withMaxPivotRatings(cap)
                  .withK(maxK);
              rows.addAll(evaluateEachK(trainFile, train, test, settings, ks, grid.modes(),
                  predictions, baselines, temporary, conf));
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
      NeighbourSettings settings, List<Integer> ks, List<Mode> modes,
      List<EvaluationSettings> predictions, Map<BaselineSettings, Baseline> baselines,
      java.nio.file.Path temporary, Configuration conf) {
    int threads = predictions.get(0).threads();
    List<NeighbourLists> lists = new ArrayList<>();
    for (Mode mode : modes) {
      Path file = new Path(temporary.resolve(mode.cliName() + ".txt").toUri());
      MemoryNeighbours.write(trainFile, file, mode, settings, threads, conf);
      lists.add(NeighbourListsFile.read(file, conf));
    }
    List<Row> rows = new ArrayList<>();
    for (int k : ks) {
      for (EvaluationSettings prediction : predictions) {
        for (int m = 0; m < modes.size(); m++) {
          EvaluationResult result = Evaluation.run(train, test, lists.get(m).truncate(k),
              prediction.withMode(modes.get(m)), baselines.get(prediction.baseline()));
          rows.add(new Row(settings.withK(k), result));
        }
      }
    }
    return rows;
  }

  /** The baseline of each distinct setting among {@code predictions} that needs one, fitted once. */
  private static Map<BaselineSettings, Baseline> fits(TrainData train,
      List<EvaluationSettings> predictions) {
    Map<BaselineSettings, Baseline> fits = new HashMap<>();
    for (EvaluationSettings prediction : predictions) {
      if (prediction.needsBaseline()) {
        fits.computeIfAbsent(prediction.baseline(),
            settings -> BaselineFit.fit(train, settings, prediction.threads()));
      }
    }
    return fits;
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
