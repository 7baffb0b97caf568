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
    double sq = 0;
    double abs = 0;
    double sqAll = 0;
    double absAll = 0;
    int covered = 0;
    int total = 0;
    double precision = 0;
    double recall = 0;
    double ndcg = 0;
    int rankedUsers = 0;
    for (Map.Entry<Integer, Map<Integer, Double>> entry : data.testByUser.entrySet()) {
      int u = entry.getKey();
      for (Map.Entry<Integer, Double> rating : entry.getValue().entrySet()) {
        total++;
        Double dot = dot(u, rating.getKey());
        double r = rating.getValue();
        double q;
        if (dot != null) {
          double p = data.clipped(clip, dot);
          covered++;
          sq += (p - r) * (p - r);
          abs += Math.abs(p - r);
          q = p;
        } else {
          q = data.baselineFallback ? data.clipped(clip, data.baseline(u, rating.getKey()))
              : data.userMean.getOrDefault(u, data.globalMean);
        }
        sqAll += (q - r) * (q - r);
        absAll += Math.abs(q - r);
      }
      TreeSet<Integer> relevant = OracleEvaluator.relevant(entry.getValue(), relevantFrom);
      if (!relevant.isEmpty()) {
        rankedUsers++;
        double[] figures = OracleEvaluator.listFigures(list(u, n), relevant, n);
        precision += figures[0];
        recall += figures[1];
        ndcg += figures[2];
      }
    }
    Map<String, Double> figures = new HashMap<>();
    figures.put("rmse", Math.sqrt(sq / covered));
    figures.put("mae", abs / covered);
    figures.put("coverage", covered / (double) total);
    figures.put("covered", (double) covered);
    figures.put("total", (double) total);
    figures.put("rmse_all", Math.sqrt(sqAll / total));
    figures.put("mae_all", absAll / total);
    figures.put("precision_at_n", precision / rankedUsers);
    figures.put("recall_at_n", recall / rankedUsers);
    figures.put("ndcg_at_n", ndcg / rankedUsers);
    figures.put("ranked_users", (double) rankedUsers);
    return figures;
  }
}
