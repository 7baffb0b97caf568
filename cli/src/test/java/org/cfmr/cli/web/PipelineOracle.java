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

/**
 * A deliberately plain reading of a pipeline's output files (the test oracle of the dashboard):
 * the train ratings, the item neighbours in file order, the recommendation files, and a brute-force
 * new-user prediction written from the spec's item-based formula.
 */
final class PipelineOracle {
  record Neighbour(int id, double similarity) {}

  record Prediction(int movie, double prediction) {}

  final Map<Integer, Map<Integer, Double>> byUser = new TreeMap<>();
  final Map<Integer, Map<Integer, Double>> byMovie = new TreeMap<>();
  final Map<Integer, List<Neighbour>> itemNeighbours = new HashMap<>();
  private final Path output;

  PipelineOracle(Path output) {
    this.output = output;
    for (String line : lines("ratings_train.csv")) {
      String[] f = line.split(",");
      int user = Integer.parseInt(f[0]);
      int movie = Integer.parseInt(f[1]);
      double rating = Double.parseDouble(f[2]);
      byUser.computeIfAbsent(user, k -> new LinkedHashMap<>()).put(movie, rating);
      byMovie.computeIfAbsent(movie, k -> new LinkedHashMap<>()).put(user, rating);
    }
    for (String line : lines("item_topk_neighbors.txt")) {
      String[] parts = line.split("\t");
      List<Neighbour> list = new ArrayList<>();
      for (String pair : parts[1].split(",")) {
        String[] p = pair.split(":");
        list.add(new Neighbour(Integer.parseInt(p[0]), Double.parseDouble(p[1])));
      }
      itemNeighbours.put(Integer.parseInt(parts[0]), list);
    }
  }

  /** The user's recommended movie ids in file order ({@code user} or {@code item} based). */
  List<Integer> recommendations(String method, int user) {
    List<Integer> movies = new ArrayList<>();
    for (String line : lines("recommendations_" + method + "_based.csv")) {
      String[] f = line.split(",");
      if (Integer.parseInt(f[0]) == user) {
        movies.add(Integer.parseInt(f[1]));
      }
    }
    return movies;
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

  /** Item-based, mean-centred predictions for a user who rated {@code rated}, best first. */
  List<Prediction> newUserPredictions(Map<Integer, Double> rated) {
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (Map<Integer, Double> ratings : byUser.values()) {
      for (double r : ratings.values()) {
        min = Math.min(min, r);
        max = Math.max(max, r);
      }
    }
    List<Prediction> predictions = new ArrayList<>();
    for (Map.Entry<Integer, List<Neighbour>> item : itemNeighbours.entrySet()) {
      if (rated.containsKey(item.getKey())) {
        continue;
      }
      double numerator = 0;
      double denominator = 0;
      for (Neighbour j : item.getValue()) {
        Double r = rated.get(j.id());
        if (r != null) {
          numerator += j.similarity() * (r - mean(j.id()));
          denominator += Math.abs(j.similarity());
        }
      }
      if (denominator > 0) {
        double p = mean(item.getKey()) + numerator / denominator;
        predictions.add(new Prediction(item.getKey(), Math.max(min, Math.min(max, p))));
      }
    }
    predictions.sort(Comparator.comparingDouble(Prediction::prediction).reversed()
        .thenComparingInt(Prediction::movie));
    return predictions;
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
