package org.cfmr.cli.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.cfmr.core.baseline.PlainBaselineOracle;

/**
 * A deliberately plain reading of a pipeline's output files (the test oracle of the dashboard):
 * the train ratings, the neighbours in file order, the recommendation files (kNN's and ALS's),
 * and a brute-force live list written from the README's ranking and the spec's knn-baseline
 * formula over a plain baseline fit.
 */
final class PipelineOracle {
  record Neighbour(int id, double similarity) {}

  /** A new user's recommendation: the movie, its similarity sum and support, its prediction. */
  record Ranked(int movie, java.math.BigDecimal similaritySum, int support, double prediction) {}

  final Map<Integer, Map<Integer, Double>> byUser = new TreeMap<>();
  final Map<Integer, Map<Integer, Double>> byMovie = new TreeMap<>();
  final Map<Integer, List<Neighbour>> itemNeighbours = new HashMap<>();
  final Map<Integer, List<Neighbour>> itemRankingNeighbours = new HashMap<>();
  final Map<Integer, List<Neighbour>> userRankingNeighbours = new HashMap<>();
  private final Path output;
  private PlainBaselineOracle baseline;
  private double trainMin = Double.MAX_VALUE;
  private double trainMax = -Double.MAX_VALUE;

  PipelineOracle(Path output) {
    this.output = output;
    for (String line : lines("ratings_train.csv")) {
      String[] f = line.split(",");
      int user = Integer.parseInt(f[0]);
      int movie = Integer.parseInt(f[1]);
      double rating = Double.parseDouble(f[2]);
      trainMin = Math.min(trainMin, rating);
      trainMax = Math.max(trainMax, rating);
      byUser.computeIfAbsent(user, k -> new LinkedHashMap<>()).put(movie, rating);
      byMovie.computeIfAbsent(movie, k -> new LinkedHashMap<>()).put(user, rating);
    }
    readNeighbours("item_topk_neighbors.txt", itemNeighbours);
    readNeighbours("item_ranking_neighbors.txt", itemRankingNeighbours);
    readNeighbours("user_ranking_neighbors.txt", userRankingNeighbours);
  }

  private void readNeighbours(String name, Map<Integer, List<Neighbour>> into) {
    for (String line : lines(name)) {
      String[] parts = line.split("\t");
      List<Neighbour> list = new ArrayList<>();
      for (String pair : parts[1].split(",")) {
        String[] p = pair.split(":");
        list.add(new Neighbour(Integer.parseInt(p[0]), Double.parseDouble(p[1])));
      }
      into.put(Integer.parseInt(parts[0]), list);
    }
  }

  /** The user's recommended movie ids in the order of the recommendations file {@code name}. */
  List<Integer> recommendations(String name, int user) {
    List<Integer> movies = new ArrayList<>();
    for (String[] f : recommendationLines(name)) {
      if (Integer.parseInt(f[0]) == user) {
        movies.add(Integer.parseInt(f[1]));
      }
    }
    return movies;
  }

  /** The lines of the recommendations file {@code name}: userId, movieId, prediction. */
  List<String[]> recommendationLines(String name) {
    return lines(name).stream().map(line -> line.split(",")).toList();
  }

  double mean(int movie) {
    return byMovie.get(movie).values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  /** Users who rated both movies in train. */
  int support(int a, int b) {
    int both = 0;
    for (int user : byMovie.get(a).keySet()) {
      if (byMovie.get(b).containsKey(user)) {
        both++;
      }
    }
    return both;
  }

  /**
   * The item-based list of someone who rated {@code rated} on the dashboard (a new user, or a
   * MovieLens user with their train ratings), best first: each unrated movie with a rated movie
   * among its ranking neighbours and a non-zero similarity, by the exact similarity sum over
   * those, then by id; the prediction is the pipeline's default one ({@link #knnBaseline}).
   */
  List<Ranked> liveRecommendations(Map<Integer, Double> rated) {
    List<Ranked> ranked = new ArrayList<>();
    double userBias = foldedInUserBias(rated);
    for (Map.Entry<Integer, List<Neighbour>> item : itemRankingNeighbours.entrySet()) {
      if (rated.containsKey(item.getKey())) {
        continue;
      }
      java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
      int support = 0;
      boolean nonZero = false;
      for (Neighbour j : item.getValue()) {
        if (rated.containsKey(j.id())) {
          sum = sum.add(new java.math.BigDecimal(String.format(Locale.ROOT, "%.6f", j.similarity())));
          support++;
          nonZero |= j.similarity() != 0;
        }
      }
      if (nonZero) {
        ranked.add(new Ranked(item.getKey(), sum, support,
            knnBaseline(item.getKey(), rated, userBias)));
      }
    }
    ranked.sort(Comparator.comparing(Ranked::similaritySum).reversed()
        .thenComparingInt(Ranked::movie));
    return ranked;
  }

  /**
   * The defaults of the pipeline's run: centred on the baseline {@code b_ui = μ + b_u + b_i}
   * fitted on train (λu = λi = 5, 10 epochs), {@code b_ui + Σ sim·(r_uj − b_uj) / (Σ|sim| + 1)}
   * over the rated prediction neighbours, clipped to the train range; the clipped {@code b_ui}
   * when none is rated.
   */
  private double knnBaseline(int movie, Map<Integer, Double> rated, double userBias) {
    double numerator = 0;
    double denominator = 0;
    for (Neighbour j : itemNeighbours.getOrDefault(movie, List.of())) {
      Double r = rated.get(j.id());
      if (r != null) {
        numerator += j.similarity() * (r - baseline().mu - userBias - itemBias(j.id()));
        denominator += Math.abs(j.similarity());
      }
    }
    double centre = baseline().mu + userBias + itemBias(movie);
    return clip(denominator > 0 ? centre + numerator / (denominator + 1) : centre);
  }

  /**
   * The rater's {@code b_u} from their ratings and the fitted item biases, as the fit's last step
   * computes it: {@code Σ (r_ui − μ − b_i) / (λu + |I_u|)}.
   */
  private double foldedInUserBias(Map<Integer, Double> rated) {
    double sum = 0;
    for (Map.Entry<Integer, Double> rating : rated.entrySet()) {
      sum += rating.getValue() - baseline().mu - itemBias(rating.getKey());
    }
    return sum / (5 + rated.size());
  }

  private double itemBias(int movie) {
    return baseline().itemBias.getOrDefault(movie, 0.0);
  }

  private PlainBaselineOracle baseline() {
    if (baseline == null) {
      List<int[]> pairs = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      byUser.forEach((user, ratings) -> ratings.forEach((movie, rating) -> {
        pairs.add(new int[] {user, movie});
        values.add(rating);
      }));
      baseline = new PlainBaselineOracle(pairs.stream().mapToInt(p -> p[0]).toArray(),
          pairs.stream().mapToInt(p -> p[1]).toArray(),
          values.stream().mapToDouble(Double::doubleValue).toArray(), 5, 5, 10);
    }
    return baseline;
  }

  /** {@code prediction} clipped to the range of the train ratings. */
  private double clip(double prediction) {
    return Math.max(trainMin, Math.min(trainMax, prediction));
  }

  static String twoDecimals(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private List<String> lines(String name) {
    try {
      return Files.readAllLines(output.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
