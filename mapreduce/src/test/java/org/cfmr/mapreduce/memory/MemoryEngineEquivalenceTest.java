package org.cfmr.mapreduce.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.cfmr.core.Mode;
import org.cfmr.core.Rating;
import org.cfmr.core.RatingFormat;
import org.cfmr.core.similarity.Similarity;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.ratings.RatingMatrix;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.similarity.BaselineResiduals;
import org.cfmr.core.testing.SharedData;
import org.cfmr.mapreduce.kernel.RowSums;
import org.cfmr.preprocess.synth.SyntheticRatings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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
    latestSmall = parse(Files.readAllLines(SharedData.bundled("ratings.csv")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SyntheticRatings(1.0 / 400, 11).write(out, 2);
    synthetic = parse(new String(out.toByteArray(), StandardCharsets.US_ASCII).lines().toList());
  }

  private static List<Rating> parse(List<String> lines) {
    return lines.subList(1, lines.size()).stream().map(RatingFormat.CSV::parse).toList();
  }

  private static TrainRatings train(List<Rating> ratings) {
    TrainRatings train = new TrainRatings();
    int size = ratings.size();
    train.users = new int[size];
    train.items = new int[size];
    train.halfStars = new int[size];
    for (int i = 0; i < size; i++) {
      train.users[i] = ratings.get(i).user();
      train.items[i] = ratings.get(i).item();
      train.halfStars[i] = ratings.get(i).halfStars();
    }
    train.size = size;
    return train;
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
    TrainRatings train = train(data.equals("synthetic") ? synthetic : latestSmall);
    RatingMatrix matrix = train.matrix(users);
    NeighbourSettings settings = NeighbourSettings.defaults().withMeasure(measure)
        .withShrink(measure == Similarity.COSINE ? 0 : 100).withMaxPivotRatings(cap);
    BaselineResiduals residuals = MemoryNeighbours.residuals(train, matrix,
        users ? Mode.USER : Mode.ITEM, settings, 2);
    List<String> expected = new ReferenceEngine(matrix, settings, residuals).lines(1, "reference");
    assertTrue(expected.size() > 100, "not a trivially small file: " + expected.size());
    assertEquals(expected, new MemoryEngine(matrix, settings, residuals).lines(3, "optimised"));
    assertEquals(expected, new MemoryEngine(matrix, settings, residuals, 37, true)
        .lines(3, "in blocks of 37"), "tiled in blocks of 37 later rows");
    assertEquals(expected, new MemoryEngine(matrix, settings, residuals, 37, false)
        .lines(3, "three-long sums"), "tiled, cosine and pearson sums in three longs");
  }

  /**
   * Two users who rate the same L movies, all 5 stars but one 4.5: the sums are the largest the
   * two-long layout must hold. At its limit L and one past it (three longs) the engine gives the
   * reference's lines, and pearson's sim is n / (n + 100) of identical vectors.
   */
  @ParameterizedTest(name = "L = {0}")
  @ValueSource(ints = {RowSums.COMPACT_ROW_LIMIT, RowSums.COMPACT_ROW_LIMIT + 1})
  void theLargestPackedSumsAreExact(int length) {
    int size = 2 * length;
    int[] users = new int[size];
    int[] items = new int[size];
    int[] halfStars = new int[size];
    for (int i = 0; i < size; i++) {
      users[i] = 1 + i / length;
      items[i] = i % length;
      halfStars[i] = i % length == 0 ? 9 : 10;
    }
    RatingMatrix matrix = RatingMatrix.of(users, items, halfStars, size);
    NeighbourSettings settings = NeighbourSettings.defaults();
    String sim = String.format(Locale.ROOT, "%.6f", length / (length + 100.0));
    List<String> lines = new MemoryEngine(matrix, settings, null).lines(2, "longest rows");
    assertEquals(List.of("1\t2:" + sim, "2\t1:" + sim), lines);
    assertEquals(new ReferenceEngine(matrix, settings, null).lines(1, "reference"), lines);
  }

  @Test
  void theThreadCountDoesNotChangeTheLines() {
    TrainRatings train = train(synthetic);
    RatingMatrix matrix = train.matrix(true);
    NeighbourSettings settings = NeighbourSettings.defaults().withK(5)
        .withMeasure(Similarity.PEARSON_BASELINE);
    BaselineResiduals residuals =
        MemoryNeighbours.residuals(train, matrix, Mode.USER, settings, 1);
    List<String> one = new MemoryEngine(matrix, settings, residuals).lines(1, "one thread");
    assertEquals(one, new MemoryEngine(matrix, settings, residuals).lines(4, "four threads"));
  }

  /**
   * One pass for the prediction and the ranking neighbours (and a third selection of another K
   * and support) gives each the lines of its own run, for both modes and with a pivot cap.
   */
  @ParameterizedTest(name = "users={0} {1} cap={2}")
  @MethodSource("sharedPasses")
  void onePassForSeveralSelectionsGivesEachItsOwnLines(boolean users, Similarity measure,
      int cap) {
    TrainRatings train = train(latestSmall);
    RatingMatrix matrix = train.matrix(users);
    NeighbourSettings prediction = NeighbourSettings.defaults().withMeasure(measure)
        .withMaxPivotRatings(cap);
    List<NeighbourSettings> settings = List.of(prediction, prediction.forRanking(),
        prediction.forRanking().withK(7).withMinCommon(3));
    BaselineResiduals residuals = MemoryNeighbours.residuals(train, matrix,
        users ? Mode.USER : Mode.ITEM, prediction, 2);
    List<List<String>> together = new MemoryEngine(matrix, settings, residuals)
        .linesOfEach(2, "together");
    assertEquals(3, together.size());
    for (int i = 0; i < settings.size(); i++) {
      NeighbourSettings own = settings.get(i);
      BaselineResiduals ownResiduals = own.measure().needsBaseline() ? residuals : null;
      assertEquals(new MemoryEngine(matrix, own, ownResiduals).lines(2, "alone"),
          together.get(i), own.describe());
    }
    assertNotEquals(together.get(0), together.get(1), "the selections differ");
  }

  static Stream<Arguments> sharedPasses() {
    return Stream.of(Arguments.of(true, Similarity.PEARSON, 0),
        Arguments.of(false, Similarity.PEARSON, 0), Arguments.of(true, Similarity.PEARSON, 100),
        Arguments.of(false, Similarity.PEARSON_BASELINE, 0));
  }

  @Test
  void selectionsThatDoNotSharePairSumsAreRefused() {
    RatingMatrix matrix = train(latestSmall).matrix(true);
    NeighbourSettings cosine = NeighbourSettings.defaults().withMeasure(Similarity.COSINE);
    assertThrows(IllegalArgumentException.class, () -> new MemoryEngine(matrix,
        List.of(cosine, cosine.withMeasure(Similarity.ADJUSTED_COSINE)), null));
  }
}
