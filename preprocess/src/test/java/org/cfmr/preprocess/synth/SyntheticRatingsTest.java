package org.cfmr.preprocess.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cfmr.preprocess.describe.DatasetProfile;
import org.cfmr.preprocess.describe.RatingsShape;
import org.cfmr.core.Rating;
import org.cfmr.core.RatingFormat;
import org.cfmr.core.CfmrException;
import org.junit.jupiter.api.Test;

/** The generator's promises at small scales: format, order, distinctness, reproducibility, shape. */
class SyntheticRatingsTest {
  private static final double TINY = 0.001;

  private static byte[] generate(double scale, long seed, int threads) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SyntheticRatings(scale, seed).write(out, threads);
    return out.toByteArray();
  }

  private static List<Rating> parse(byte[] bytes) {
    List<String> lines = new String(bytes, StandardCharsets.US_ASCII).lines().toList();
    assertEquals("userId,movieId,rating,timestamp", lines.get(0));
    assertEquals(RatingFormat.CSV, RatingFormat.detect(lines.get(0)));
    return lines.subList(1, lines.size()).stream().map(RatingFormat.CSV::parse).toList();
  }

  @Test
  void theSameSeedGivesTheSameBytesWhateverTheThreadCount() throws IOException {
    byte[] one = generate(TINY, 7, 1);
    assertArrayEquals(one, generate(TINY, 7, 3));
    assertFalse(Arrays.equals(one, generate(TINY, 8, 1)), "another seed, other ratings");
  }

  @Test
  void writesDistinctHalfStarRatingsSortedByUserThenMovie() throws IOException {
    SyntheticRatings generator = new SyntheticRatings(TINY, 42);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    generator.write(out, 2);
    List<Rating> ratings = parse(out.toByteArray());

    assertEquals(201, generator.users());
    assertEquals(88, generator.movies());
    assertEquals(generator.ratings(), ratings.size());
    assertTrue(ratings.size() > 0.99 * 201 * 44,
        "this tiny, 32M·scale is out of reach: nearly every user at the cap of 88 / 2 movies");
    Set<Long> pairs = new HashSet<>();
    Map<Integer, Integer> perUser = new HashMap<>();
    for (int i = 0; i < ratings.size(); i++) {
      Rating r = ratings.get(i);
      assertTrue(pairs.add((long) r.user() << 32 | r.item()), "duplicate " + r);
      if (i > 0) {
        Rating previous = ratings.get(i - 1);
        assertTrue(previous.user() < r.user()
            || (previous.user() == r.user() && previous.item() < r.item()), "order at " + r);
      }
      assertTrue(r.halfStars() >= 1 && r.halfStars() <= 10);
      assertTrue(r.item() >= 1 && r.item() <= 88);
      assertTrue(r.timestamp() >= Ml32mShape.FIRST_TIMESTAMP
          && r.timestamp() <= Ml32mShape.LAST_TIMESTAMP, "timestamp of " + r);
      perUser.merge(r.user(), 1, Integer::sum);
    }
    assertEquals(201, perUser.size(), "users 1..201 all rate");
    assertTrue(perUser.values().stream().allMatch(n -> n >= 20), "every user has >= 20");
    assertTrue(perUser.values().stream().allMatch(n -> n <= 44), "at most half the movies");
  }

  @Test
  void aScaleTooSmallForTwentyRatingsPerUserIsRefused() {
    CfmrException error = assertThrows(CfmrException.class, () -> new SyntheticRatings(0.0001, 1));
    assertTrue(error.getMessage().contains("--scale 1.0E-4 is too small"), error.getMessage());
  }

  /**
   * At 1/64 (3,140 users, 1,369 movies, ~500k ratings): user activity, values and popularity keep
   * their calibrated shape. Users still rate ~159 movies each but of 64 times fewer, so the most
   * popular movies saturate and the Gini is lower than at full scale (README table).
   */
  @Test
  void keepsTheShapeAtOneSixtyFourth() throws IOException {
    RatingsShape shape = DatasetProfile.of(parse(generate(1.0 / 64, 42, 2))).shape();

    assertEquals(3_140, shape.users());
    assertEquals(Ml32mShape.RATINGS / 64.0, shape.ratings(), 50, "ratings = 32M·scale");
    assertEquals(20, shape.ratingsPerUser()[0]);
    assertEquals(684, shape.ratingsPerUser()[shape.users() - 1], "capped at half the movies");
    double[] shares = Ml32mShape.HALF_STAR_SHARES;
    for (int h = 1; h <= 10; h++) {
      double share = (double) shape.halfStarCounts()[h] / shape.ratings();
      assertEquals(shares[h - 1], share, 0.01, "share of " + Rating.formatValue(h));
    }
    assertEquals(3.50, shape.meanRating(), 0.03);
    assertEquals(0.63, shape.popularityGini(), 0.05);
    assertTrue(shape.movies() > 0.98 * 1_369, "nearly every movie rated");
  }

  @Test
  void ratingsCarryLatentStructure() throws IOException {
    // Users' mean ratings differ far more than rating noise alone allows: there are user effects
    // for neighbourhood methods to find.
    List<Rating> ratings = parse(generate(TINY, 42, 1));
    Map<Integer, double[]> sums = new HashMap<>();
    for (Rating r : ratings) {
      double[] s = sums.computeIfAbsent(r.user(), k -> new double[2]);
      s[0] += r.halfStars() / 2.0;
      s[1]++;
    }
    double[] means = sums.values().stream().mapToDouble(s -> s[0] / s[1]).toArray();
    double mean = Arrays.stream(means).average().orElseThrow();
    double spread = Math.sqrt(Arrays.stream(means).map(m -> (m - mean) * (m - mean)).average()
        .orElseThrow());
    assertTrue(spread > 0.25, "spread of user means " + spread);
  }
}
