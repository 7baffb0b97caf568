package org.cfmr.mapreduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cfmr.core.Neighbour;
import org.cfmr.core.baseline.Baseline;

/**
 * The test oracle: the neighbour definitions computed the plain way, in doubles, with maps
 * and a loop over each pair's co-rated set, written separately from core's exact-integer
 * formulas (it calls none of them). For each entity a, the co-rated set with every b is
 * gathered from the pivots a rated; the sums over it are then taken straight from the spec.
 * Doubles summed in arrival order differ from the exact sums in the last bits, so a norm or a
 * similarity within {@value #TIE} of zero counts as zero, and neighbours whose similarities differ
 * by a few ulps may come out in another order than the exact engines' (the tests allow that).
 */
final class BruteForceNeighbours {
  static final double TIE = 1e-12;

  /** entity → pivot → rating, and pivot → entity → rating. */
  private final Map<Integer, Map<Integer, Double>> byEntity = new HashMap<>();
  private final Map<Integer, Map<Integer, Double>> byPivot = new HashMap<>();
  private final boolean usersAreEntities;

  BruteForceNeighbours(Path train, boolean usersAreEntities) throws IOException {
    this.usersAreEntities = usersAreEntities;
    for (String line : Files.readAllLines(train)) {
      String[] fields = line.split(",");
      int user = Integer.parseInt(fields[0]);
      int item = Integer.parseInt(fields[1]);
      double rating = Double.parseDouble(fields[2]);
      int entity = usersAreEntities ? user : item;
      int pivot = usersAreEntities ? item : user;
      byEntity.computeIfAbsent(entity, e -> new HashMap<>()).put(pivot, rating);
      byPivot.computeIfAbsent(pivot, p -> new HashMap<>()).put(entity, rating);
    }
  }

  /** For each entity a and each b with non-zero norms: {raw similarity, support n}. */
  Map<Integer, Map<Integer, double[]>> rawSimilarities(String measure) {
    return rawSimilarities(measure, null);
  }

  /**
   * The same, with {@code baseline} for pearson-baseline: its {@code b_ui} in doubles (the
   * fixed-point biases the engines use; their residuals are exact in doubles), subtracted from
   * each rating.
   */
  Map<Integer, Map<Integer, double[]>> rawSimilarities(String measure, Baseline baseline) {
    Map<Integer, Double> entityMean = means(byEntity);
    Map<Integer, Double> pivotMean = means(byPivot);
    Map<Integer, Map<Integer, double[]>> raws = new HashMap<>();
    for (int a : byEntity.keySet()) {
      Map<Integer, List<Integer>> coRated = new HashMap<>(); // b -> the pivots a and b both rated
      for (int pivot : byEntity.get(a).keySet()) {
        for (int b : byPivot.get(pivot).keySet()) {
          if (b != a) {
            coRated.computeIfAbsent(b, x -> new ArrayList<>()).add(pivot);
          }
        }
      }
      Map<Integer, double[]> row = new HashMap<>();
      for (Map.Entry<Integer, List<Integer>> pair : coRated.entrySet()) {
        int b = pair.getKey();
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int pivot : pair.getValue()) {
          double xa = byEntity.get(a).get(pivot);
          double xb = byEntity.get(b).get(pivot);
          if (measure.equals("pearson")) {
            xa -= entityMean.get(a);
            xb -= entityMean.get(b);
          } else if (measure.equals("adjusted-cosine")) {
            xa -= pivotMean.get(pivot);
            xb -= pivotMean.get(pivot);
          } else if (measure.equals("pearson-baseline")) {
            xa -= baselinePrediction(baseline, a, pivot);
            xb -= baselinePrediction(baseline, b, pivot);
          }
          dot += xa * xb;
          normA += xa * xa;
          normB += xb * xb;
        }
        if (measure.equals("cooccurrence")) {
          double support = pair.getValue().size();
          row.put(b, new double[] {support
              / Math.sqrt((double) byEntity.get(a).size() * byEntity.get(b).size()), support});
        } else if (normA > TIE && normB > TIE) {
          row.put(b, new double[] {dot / (Math.sqrt(normA) * Math.sqrt(normB)), pair.getValue().size()});
        }
      }
      raws.put(a, row);
    }
    return raws;
  }

  /** Each entity's top-K neighbours, unrounded, best first; entities without any are absent. */
  static Map<Integer, List<Neighbour>> neighbours(Map<Integer, Map<Integer, double[]>> raws,
      double shrink, int minCommon, double minSim, int k) {
    Map<Integer, List<Neighbour>> result = new TreeMap<>();
    raws.forEach((a, row) -> {
      List<Neighbour> kept = new ArrayList<>();
      row.forEach((b, rawAndSupport) -> {
        double n = rawAndSupport[1];
        double sim = rawAndSupport[0] * n / (n + shrink);
        if (n >= minCommon && Math.abs(sim) > TIE && sim > minSim) {
          kept.add(new Neighbour(b, sim));
        }
      });
      kept.sort((x, y) -> {
        int bySimilarity = Double.compare(y.similarity(), x.similarity());
        return bySimilarity != 0 ? bySimilarity : Integer.compare(x.id(), y.id());
      });
      if (!kept.isEmpty()) {
        result.put(a, List.copyOf(kept.subList(0, Math.min(k, kept.size()))));
      }
    });
    return result;
  }

  private double baselinePrediction(Baseline baseline, int entity, int pivot) {
    int user = usersAreEntities ? entity : pivot;
    int item = usersAreEntities ? pivot : entity;
    return baseline.predict(baseline.userIndex(user), baseline.itemIndex(item));
  }

  private static Map<Integer, Double> means(Map<Integer, Map<Integer, Double>> rows) {
    Map<Integer, Double> means = new HashMap<>();
    rows.forEach((id, row) -> means.put(id,
        row.values().stream().mapToDouble(Double::doubleValue).sum() / row.size()));
    return means;
  }
}
