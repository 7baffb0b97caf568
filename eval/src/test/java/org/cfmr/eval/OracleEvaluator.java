package org.cfmr.eval;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The test oracle: the spec's predictions, the ranking scores of the README and the metrics
 * written plainly from the files, with maps, pointwise predictions, similarities summed as
 * {@link BigDecimal}s of the file's text, and every unrated train item as a top-N candidate.
 * Shares no code with the evaluator.
 */
final class OracleEvaluator {
  final Map<Integer, Map<Integer, Double>> trainByUser = new TreeMap<>();
  final Map<Integer, Map<Integer, Double>> trainByItem = new TreeMap<>();
  final Map<Integer, Map<Integer, Double>> testByUser = new TreeMap<>();
  final Map<Integer, List<double[]>> neighbours = new HashMap<>();
  /** Each entity's neighbours with their similarities exactly as printed. */
  final Map<Integer, Map<Integer, BigDecimal>> exactSimilarity = new HashMap<>();
  final Map<Integer, Double> userMean = new HashMap<>();
  final Map<Integer, Double> itemMean = new HashMap<>();
  double globalMean;
  double min = Double.MAX_VALUE;
  double max = -Double.MAX_VALUE;

  /** The plain baseline biases, once {@link #fitBaseline} ran (else empty: b = 0). */
  final Map<Integer, Double> userBias = new HashMap<>();
  final Map<Integer, Double> itemBias = new HashMap<>();
  /** kNN on baseline residuals: centre {@code b_ui} instead of the means. */
  boolean residuals;
  /** {@code λ_p}, added to {@code Σ|sim|}. */
  double damping;
  /** Uncovered ratings predicted by {@code b_ui} (clipped), else by {@code mu_u}, else {@code mu}. */
  boolean baselineFallback;

  /** The figures, by the JSON key names. */
  final Map<String, Double> figures = new TreeMap<>();
  /**
   * The test ratings by the train count of their user and of their movie: the bucket's first
   * count mapped to {ratings, covered, Σ(p − r)² over the covered}.
   */
  final Map<Integer, double[]> byUserActivity = new TreeMap<>();
  final Map<Integer, double[]> byMoviePopularity = new TreeMap<>();
  private static final int[] BUCKET_STARTS = {5_000, 1_000, 500, 200, 100, 50, 20, 5, 1, 0};

  private static void tally(Map<Integer, double[]> buckets, int trainCount, Double p, double r) {
    int start = 0;
    for (int candidate : BUCKET_STARTS) {
      if (trainCount >= candidate) {
        start = candidate;
        break;
      }
    }
    double[] sums = buckets.computeIfAbsent(start, k -> new double[3]);
    sums[0]++;
    if (p != null) {
      sums[1]++;
      sums[2] += (p - r) * (p - r);
    }
  }

  /** The splits and a neighbour file (null: none, for the factor oracle). */
  OracleEvaluator(Path train, Path test, Path neighbourFile) throws IOException {
    double sum = 0;
    int count = 0;
    for (String line : Files.readAllLines(train)) {
      String[] f = line.split(",");
      int u = Integer.parseInt(f[0]);
      int i = Integer.parseInt(f[1]);
      double r = Double.parseDouble(f[2]);
      trainByUser.computeIfAbsent(u, k -> new HashMap<>()).put(i, r);
      trainByItem.computeIfAbsent(i, k -> new HashMap<>()).put(u, r);
      sum += r;
      count++;
      min = Math.min(min, r);
      max = Math.max(max, r);
    }
    globalMean = sum / count;
    trainByUser.forEach((u, rs) -> userMean.put(u, mean(rs)));
    trainByItem.forEach((i, rs) -> itemMean.put(i, mean(rs)));
    for (String line : Files.readAllLines(test)) {
      String[] f = line.split(",");
      testByUser.computeIfAbsent(Integer.parseInt(f[0]), k -> new TreeMap<>())
          .put(Integer.parseInt(f[1]), Double.parseDouble(f[2]));
    }
    for (String line : neighbourFile == null ? List.<String>of()
        : Files.readAllLines(neighbourFile)) {
      String[] idAndList = line.split("\t");
      List<double[]> list = new ArrayList<>();
      Map<Integer, BigDecimal> exact = new HashMap<>();
      for (String pair : idAndList[1].split(",")) {
        String[] p = pair.split(":");
        list.add(new double[] {Integer.parseInt(p[0]), Double.parseDouble(p[1])});
        exact.put(Integer.parseInt(p[0]), new BigDecimal(p[1]));
      }
      neighbours.put(Integer.parseInt(idAndList[0]), list);
      exactSimilarity.put(Integer.parseInt(idAndList[0]), exact);
    }
  }

  /**
   * Surprise's {@code baseline_als} in plain doubles: biases start at 0; each epoch every
   * {@code b_i = Σ (r − μ − b_u) / (λ_i + n_i)}, then every {@code b_u = Σ (r − μ − b_i) / (λ_u + n_u)}.
   */
  void fitBaseline(double regUser, double regItem, int epochs) {
    trainByUser.keySet().forEach(u -> userBias.put(u, 0.0));
    trainByItem.keySet().forEach(i -> itemBias.put(i, 0.0));
    for (int epoch = 0; epoch < epochs; epoch++) {
      trainByItem.forEach((i, ratings) -> {
        double sum = 0;
        for (Map.Entry<Integer, Double> r : ratings.entrySet()) {
          sum += r.getValue() - globalMean - userBias.get(r.getKey());
        }
        itemBias.put(i, sum / (regItem + ratings.size()));
      });
      trainByUser.forEach((u, ratings) -> {
        double sum = 0;
        for (Map.Entry<Integer, Double> r : ratings.entrySet()) {
          sum += r.getValue() - globalMean - itemBias.get(r.getKey());
        }
        userBias.put(u, sum / (regUser + ratings.size()));
      });
    }
  }

  /** {@code b_ui = μ + b_u + b_i}, a missing bias counting 0. */
  double baseline(int u, int i) {
    return globalMean + userBias.getOrDefault(u, 0.0) + itemBias.getOrDefault(i, 0.0);
  }

  double clipped(boolean clip, double p) {
    return clip ? Math.min(max, Math.max(min, p)) : p;
  }

  private static double mean(Map<Integer, Double> ratings) {
    double sum = 0;
    for (double r : ratings.values()) {
      sum += r;
    }
    return sum / ratings.size();
  }

  /** pred(u,i), or null when not covered. */
  Double predict(boolean userBased, boolean centred, int minNeighbours, boolean clip, int u, int i) {
    if (!trainByUser.containsKey(u) || !trainByItem.containsKey(i)) {
      return null;
    }
    double top = 0;
    double bottom = 0;
    int used = 0;
    List<double[]> list = neighbours.getOrDefault(userBased ? u : i, List.of());
    for (double[] n : list) {
      int other = (int) n[0];
      double sim = n[1];
      Double r = userBased ? trainByUser.get(other).get(i) : trainByUser.get(u).get(other);
      if (r != null) {
        double mean = residuals ? (userBased ? baseline(other, i) : baseline(u, other))
            : userBased ? userMean.get(other) : itemMean.get(other);
        top += sim * (centred ? r - mean : r);
        bottom += Math.abs(sim);
        used++;
      }
    }
    if (used < minNeighbours || bottom == 0) {
      return null;
    }
    double base = residuals ? baseline(u, i)
        : userBased ? userMean.get(u) : centred ? itemMean.get(i) : 0;
    double p = base + top / (bottom + damping);
    return clip ? Math.min(max, Math.max(min, p)) : p;
  }

  /**
   * User-based pred(u,i) of every item some neighbour rated, accumulated per item in a map
   * (neighbours in file order), then finished as in {@link #predict}.
   */
  private Map<Integer, Double> userBasedScores(int u, int minNeighbours, boolean clip) {
    Map<Integer, double[]> sums = new HashMap<>();
    for (double[] n : neighbours.getOrDefault(u, List.of())) {
      int v = (int) n[0];
      for (Map.Entry<Integer, Double> r : trainByUser.get(v).entrySet()) {
        double[] s = sums.computeIfAbsent(r.getKey(), k -> new double[3]);
        s[0] += n[1] * (r.getValue()
            - (residuals ? baseline(v, r.getKey()) : userMean.get(v)));
        s[1] += Math.abs(n[1]);
        s[2]++;
      }
    }
    Map<Integer, Double> scores = new HashMap<>();
    sums.forEach((i, s) -> {
      if (s[2] >= minNeighbours && s[1] != 0) {
        double p = (residuals ? baseline(u, i) : userMean.get(u)) + s[0] / (s[1] + damping);
        scores.put(i, clip ? Math.min(max, Math.max(min, p)) : p);
      }
    });
    return scores;
  }

  /** A candidate's evidence: |J| (resp. |V|), Σ sim exactly, Σ sim·(r − mean). */
  record Evidence(int n, BigDecimal similaritySum, double deviationSum) {}

  /**
   * Item-based evidence of (u, i): i's neighbours in file order, those u rated adding sim(i,j)
   * and sim(i,j)·(r_uj − mu_j).
   */
  Evidence itemBasedEvidence(int u, int i) {
    int n = 0;
    BigDecimal sum = BigDecimal.ZERO;
    double deviation = 0;
    for (double[] neighbour : neighbours.getOrDefault(i, List.of())) {
      int j = (int) neighbour[0];
      Double r = trainByUser.get(u).get(j);
      if (r != null) {
        n++;
        sum = sum.add(exactSimilarity.get(i).get(j));
        deviation += neighbour[1] * (r - itemMean.get(j));
      }
    }
    return new Evidence(n, sum, deviation);
  }

  /**
   * User-based evidence of every item u's neighbours rated: neighbours in file order, each adding
   * sim(u,v) and sim(u,v)·(r_vi − mu_v) to the items v rated.
   */
  Map<Integer, Evidence> userBasedEvidence(int u) {
    Map<Integer, Evidence> evidence = new HashMap<>();
    for (double[] n : neighbours.getOrDefault(u, List.of())) {
      int v = (int) n[0];
      BigDecimal sim = exactSimilarity.get(u).get(v);
      for (Map.Entry<Integer, Double> r : trainByUser.get(v).entrySet()) {
        Evidence before = evidence.getOrDefault(r.getKey(), new Evidence(0, BigDecimal.ZERO, 0));
        evidence.put(r.getKey(), new Evidence(before.n() + 1, before.similaritySum().add(sim),
            before.deviationSum() + n[1] * (r.getValue() - userMean.get(v))));
      }
    }
    return evidence;
  }

  /** The README's ranking score of a covered candidate with prediction p (not null). */
  static double rankingScore(String ranking, double p, Evidence e) {
    return switch (ranking) {
      case "prediction" -> p;
      case "similarity-sum" -> e.similaritySum().doubleValue();
      case "deviation-sum" -> e.deviationSum();
      case "damped-prediction" -> p * e.n() / (e.n() + 10);
      default -> throw new IllegalArgumentException(ranking);
    };
  }

  /**
   * The top-N list of the popularity baseline for u: the train items u did not rate, by their
   * number of train ratings descending, ties by id ascending.
   */
  List<Integer> popular(int u, int n) {
    List<Integer> items = new ArrayList<>();
    for (int i : trainByItem.keySet()) {
      if (!trainByUser.getOrDefault(u, Map.of()).containsKey(i)) {
        items.add(i);
      }
    }
    items.sort((a, b) -> trainByItem.get(a).size() != trainByItem.get(b).size()
        ? Integer.compare(trainByItem.get(b).size(), trainByItem.get(a).size())
        : Integer.compare(a, b));
    return items.subList(0, Math.min(n, items.size()));
  }

  /** The popularity baseline's precision, recall and nDCG, under the same keys as the modes'. */
  void evaluatePopularity(int n, double relevantFrom) {
    double precision = 0;
    double recall = 0;
    double ndcg = 0;
    int rankedUsers = 0;
    for (Map.Entry<Integer, Map<Integer, Double>> entry : testByUser.entrySet()) {
      TreeSet<Integer> relevant = relevant(entry.getValue(), relevantFrom);
      if (!relevant.isEmpty()) {
        rankedUsers++;
        double[] figures = listFigures(popular(entry.getKey(), n), relevant, n);
        precision += figures[0];
        recall += figures[1];
        ndcg += figures[2];
      }
    }
    figures.put("precision_at_n", precision / rankedUsers);
    figures.put("recall_at_n", recall / rankedUsers);
    figures.put("ndcg_at_n", ndcg / rankedUsers);
    figures.put("ranked_users", (double) rankedUsers);
  }

  static TreeSet<Integer> relevant(Map<Integer, Double> test, double relevantFrom) {
    TreeSet<Integer> relevant = new TreeSet<>();
    test.forEach((i, r) -> {
      if (r >= relevantFrom) {
        relevant.add(i);
      }
    });
    return relevant;
  }

  /** {precision, recall, nDCG} of one list. */
  static double[] listFigures(List<Integer> list, TreeSet<Integer> relevant, int n) {
    int hits = 0;
    double dcg = 0;
    for (int rank = 1; rank <= Math.min(n, list.size()); rank++) {
      if (relevant.contains(list.get(rank - 1))) {
        hits++;
        dcg += Math.log(2) / Math.log(1 + rank);
      }
    }
    double idcg = 0;
    for (int rank = 1; rank <= Math.min(n, relevant.size()); rank++) {
      idcg += Math.log(2) / Math.log(1 + rank);
    }
    return new double[] {hits / (double) n, hits / (double) relevant.size(), dcg / idcg};
  }

  /**
   * The spec's recommendations of user u: user-based, the items some neighbour rated and u did
   * not; item-based, every item with a neighbour list that u did not rate; covered ones only,
   * by the ranking score descending, ties by item, the first n. Each entry: {item, prediction,
   * score}.
   */
  List<double[]> recommend(boolean userBased, boolean centred, String ranking, int u, int n) {
    List<double[]> scored = new ArrayList<>();
    if (userBased) {
      Map<Integer, Evidence> evidence = userBasedEvidence(u);
      userBasedScores(u, 1, true).forEach((i, p) -> {
        if (!trainByUser.get(u).containsKey(i)) {
          scored.add(new double[] {i, p, rankingScore(ranking, p, evidence.get(i))});
        }
      });
    } else {
      for (int i : neighbours.keySet()) {
        if (!trainByUser.get(u).containsKey(i)) {
          Double p = predict(false, centred, 1, true, u, i);
          if (p != null) {
            scored.add(new double[] {i, p, rankingScore(ranking, p, itemBasedEvidence(u, i))});
          }
        }
      }
    }
    scored.sort((a, b) -> a[2] != b[2] ? Double.compare(b[2], a[2]) : Double.compare(a[0], b[0]));
    return scored.subList(0, Math.min(n, scored.size()));
  }

  void evaluate(boolean userBased, boolean centred, int minNeighbours, boolean clip,
      String ranking, int n, double relevantFrom) {
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
    for (Map.Entry<Integer, Map<Integer, Double>> entry : testByUser.entrySet()) {
      int u = entry.getKey();
      for (Map.Entry<Integer, Double> rating : entry.getValue().entrySet()) {
        total++;
        Double p = predict(userBased, centred, minNeighbours, clip, u, rating.getKey());
        double r = rating.getValue();
        tally(byUserActivity, trainByUser.getOrDefault(u, Map.of()).size(), p, r);
        tally(byMoviePopularity, trainByItem.getOrDefault(rating.getKey(), Map.of()).size(), p, r);
        if (p != null) {
          covered++;
          sq += (p - r) * (p - r);
          abs += Math.abs(p - r);
        }
        double q = p != null ? p : baselineFallback ? clipped(clip, baseline(u, rating.getKey()))
            : userMean.getOrDefault(u, globalMean);
        sqAll += (q - r) * (q - r);
        absAll += Math.abs(q - r);
      }
      TreeSet<Integer> relevant = relevant(entry.getValue(), relevantFrom);
      if (relevant.isEmpty()) {
        continue;
      }
      rankedUsers++;
      List<double[]> scored = new ArrayList<>();
      boolean known = trainByUser.containsKey(u);
      Map<Integer, Double> userScores = userBased && known
          ? userBasedScores(u, minNeighbours, clip) : Map.of();
      Map<Integer, Evidence> userEvidence = userBased && known ? userBasedEvidence(u) : Map.of();
      for (int i : trainByItem.keySet()) {
        // Every unrated train item; items without a neighbour list are skipped (never covered).
        boolean mayCover = userBased || neighbours.containsKey(i);
        if (mayCover && known && !trainByUser.get(u).containsKey(i)) {
          Double p = userBased ? userScores.get(i)
              : predict(userBased, centred, minNeighbours, clip, u, i);
          if (p != null) {
            Evidence e = userBased ? userEvidence.get(i) : itemBasedEvidence(u, i);
            scored.add(new double[] {rankingScore(ranking, p, e), i});
          }
        }
      }
      scored.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
      List<Integer> list = new ArrayList<>();
      for (double[] s : scored) {
        list.add((int) s[1]);
      }
      double[] userFigures = listFigures(list, relevant, n);
      precision += userFigures[0];
      recall += userFigures[1];
      ndcg += userFigures[2];
    }
    putFigures(figures, new double[] {sq, abs, covered, total, sqAll, absAll},
        new double[] {precision, recall, ndcg, rankedUsers});
  }

  /**
   * The figures by the JSON key names from the sums {@code errors = {Σ(p − r)² and Σ|p − r|
   * over the covered, covered, total, the same two sums over all}} and
   * {@code lists = {Σ precision, Σ recall, Σ nDCG, ranked users}}.
   */
  static void putFigures(Map<String, Double> figures, double[] errors, double[] lists) {
    figures.put("rmse", Math.sqrt(errors[0] / errors[2]));
    figures.put("mae", errors[1] / errors[2]);
    figures.put("coverage", errors[2] / errors[3]);
    figures.put("covered", errors[2]);
    figures.put("total", errors[3]);
    figures.put("rmse_all", Math.sqrt(errors[4] / errors[3]));
    figures.put("mae_all", errors[5] / errors[3]);
    figures.put("precision_at_n", lists[0] / lists[3]);
    figures.put("recall_at_n", lists[1] / lists[3]);
    figures.put("ndcg_at_n", lists[2] / lists[3]);
    figures.put("ranked_users", lists[3]);
  }
}
