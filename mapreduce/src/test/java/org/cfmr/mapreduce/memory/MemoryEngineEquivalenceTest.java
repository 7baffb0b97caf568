package org.cfmr.mapreduce.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.cfmr.core.Rating;
import org.cfmr.core.RatingFormat;
import org.cfmr.core.Similarity;
import org.cfmr.core.SimilaritySettings;
import org.cfmr.core.ratings.RatingMatrix;
import org.cfmr.core.testing.SharedData;
import org.cfmr.preprocess.synth.SyntheticRatings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The optimised engine gives the plain {@link ReferenceEngine}'s lines exactly, for every measure,
 * both modes, with and without a pivot cap, on ml-latest-small and on synthetic ml-32m-shaped
 * ratings (heavy users and movies), whatever the number of threads and the tiling.
 */
class MemoryEngineEquivalenceTest {
  private static List<Rating> latestSmall;
  private static List<Rating> synthetic;

  @BeforeAll
  static void readRatings() throws IOException {
    latestSmall = parse(Files.readAllLines(SharedData.movielens("ml-latest-small/ratings.csv")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SyntheticRatings(1.0 / 400, 11).write(out, 2);
    synthetic = parse(new String(out.toByteArray(), StandardCharsets.US_ASCII).lines().toList());
  }

  private static List<Rating> parse(List<String> lines) {
    return lines.subList(1, lines.size()).stream().map(RatingFormat.CSV::parse).toList();
  }

  private static RatingMatrix matrix(List<Rating> ratings, boolean usersAreRows) {
    int size = ratings.size();
    int[] users = new int[size];
    int[] items = new int[size];
    int[] halfStars = new int[size];
    for (int i = 0; i < size; i++) {
      users[i] = ratings.get(i).user();
      items[i] = ratings.get(i).item();
      halfStars[i] = ratings.get(i).halfStars();
    }
    return usersAreRows ? RatingMatrix.of(users, items, halfStars, size)
        : RatingMatrix.of(items, users, halfStars, size);
  }

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (String data : List.of("ml-latest-small", "synthetic")) {
      for (boolean users : List.of(true, false)) {
        for (Similarity measure : Similarity.values()) {
          for (int cap : List.of(0, 100)) {
            cases.add(Arguments.of(data, users, measure, cap));
          }
        }
      }
    }
    return cases.build();
  }

  @ParameterizedTest(name = "{0} users={1} {2} cap={3}")
  @MethodSource("cases")
  void sameLinesAsTheReference(String data, boolean users, Similarity measure, int cap) {
    RatingMatrix matrix = matrix(data.equals("synthetic") ? synthetic : latestSmall, users);
    SimilaritySettings settings = SimilaritySettings.defaults().withMeasure(measure)
        .withShrink(measure == Similarity.COSINE ? 0 : 100).withMaxPivotRatings(cap);
    List<String> expected = new ReferenceEngine(matrix, settings).lines(1, "reference");
    assertTrue(expected.size() > 100, "not a trivially small file: " + expected.size());
    assertEquals(expected, new MemoryEngine(matrix, settings).lines(3, "optimised"));
    assertEquals(expected, new MemoryEngine(matrix, settings, 37).lines(3, "in blocks of 37"),
        "tiled in blocks of 37 later rows");
  }

  @Test
  void theThreadCountDoesNotChangeTheLines() {
    RatingMatrix matrix = matrix(synthetic, true);
    SimilaritySettings settings = SimilaritySettings.defaults().withK(5);
    List<String> one = new MemoryEngine(matrix, settings).lines(1, "one thread");
    assertEquals(one, new MemoryEngine(matrix, settings).lines(4, "four threads"));
  }
}
