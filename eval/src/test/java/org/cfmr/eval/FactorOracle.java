package org.cfmr.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * ALS's figures written plainly from the files: the factor vectors in maps parsed with
 * {@code Double.parseDouble}, {@code pred(u,i) = x_u·y_i} clipped to the train range when both
 * have vectors, else the kNN oracle's fallback; each test user's list every unrated train movie,
 * sorted by the unclipped {@code x_u·y_i} descending, ties by id. Shares no code with the
 * evaluator.
 */
final class FactorOracle {
  /** The splits, the baseline and the fallback setting. */
  final OracleEvaluator data;
  final Map<Integer, double[]> users;
  final Map<Integer, double[]> items;
  /** Each user's candidates in list order, once sorted. */
  private final Map<Integer, List<Integer>> lists = new HashMap<>();

  FactorOracle(OracleEvaluator data, Path userFactors, Path itemFactors) throws IOException {
    this.data = data;
    this.users = vectors(userFactors);
    this.items = vectors(itemFactors);
  }

  private static Map<Integer, double[]> vectors(Path file) throws IOException {
    Map<Integer, double[]> vectors = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      String[] idAndFactors = line.split("\t");
      String[] factors = idAndFactors[1].split(",");
      double[] vector = new double[factors.length];
      for (int f = 0; f < factors.length; f++) {
        vector[f] = Double.parseDouble(factors[f]);
      }
      vectors.put(Integer.parseInt(idAndFactors[0]), vector);
    }
    return vectors;
  }

  /** {@code x_u·y_i}, summed over the factors in order, or null when one has no vector. */
  Double dot(int u, int i) {
    double[] x = users.get(u);
    double[] y = items.get(i);
    if (x == null || y == null || !data.trainByUser.containsKey(u)
        || !data.trainByItem.containsKey(i)) {
      return null;
    }
    double sum = 0;
    for (int f = 0; f < x.length; f++) {
      sum += x[f] * y[f];
    }
    return sum;
  }

  /** User u's first n movies by {@code x_u·y_i}: every train movie u did not rate. */
  List<Integer> list(int u, int n) {
    List<Integer> all = lists.computeIfAbsent(u, this::sortedCandidates);
    return all.subList(0, Math.min(n, all.size()));
  }

  private List<Integer> sortedCandidates(int u) {
    List<double[]> scored = new ArrayList<>();
    if (data.trainByUser.containsKey(u)) {
      for (int i : data.trainByItem.keySet()) {
        if (!data.trainByUser.get(u).containsKey(i)) {
          scored.add(new double[] {dot(u, i), i});
        }
      }
    }
    scored.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
    List<Integer> list = new ArrayList<>();
    for (double[] s : scored) {
      list.add((int) s[1]);
    }
    return list;
  }

  /** The figures by the JSON key names, the fallback as the oracle's settings say. */
  Map<String, Double> evaluate(boolean clip, int n, double relevantFrom) {
    double[] errors = new double[6]; // Σ(p − r)², Σ|p − r| covered; covered; total; all ratings'
    double[] lists = new double[4]; // Σ precision, Σ recall, Σ nDCG, ranked users
    for (Map.Entry<Integer, Map<Integer, Double>> entry : data.testByUser.entrySet()) {
      int u = entry.getKey();
      for (Map.Entry<Integer, Double> rating : entry.getValue().entrySet()) {
        errors[3]++;
        Double dot = dot(u, rating.getKey());
        double r = rating.getValue();
        double q = dot != null ? data.clipped(clip, dot) : data.baselineFallback
            ? data.clipped(clip, data.baseline(u, rating.getKey()))
            : data.userMean.getOrDefault(u, data.globalMean);
        if (dot != null) {
          errors[0] += (q - r) * (q - r);
          errors[1] += Math.abs(q - r);
          errors[2]++;
        }
        errors[4] += (q - r) * (q - r);
        errors[5] += Math.abs(q - r);
      }
      TreeSet<Integer> relevant = OracleEvaluator.relevant(entry.getValue(), relevantFrom);
      if (!relevant.isEmpty()) {
        double[] figures = OracleEvaluator.listFigures(list(u, n), relevant, n);
        for (int k = 0; k < 3; k++) {
          lists[k] += figures[k];
        }
        lists[3]++;
      }
    }
    Map<String, Double> figures = new HashMap<>();
    OracleEvaluator.putFigures(figures, errors, lists);
    return figures;
  }
}
