package org.cfmr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.Rating;
import org.cfmr.core.StableHash;
import org.cfmr.core.UsageException;
import org.cfmr.core.io.RatingsReader;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.runtime.PipelineFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The blend's validation part V of the bundled train split: V and T\V are T cut in two, V never
 * holds a test rating, holds about the asked share, is the rule's and depends on the seed, never
 * on the order of the ratings; a share of 0 or 1 is a usage error.
 */
class ValidationSplitTest {
  private static final Configuration CONF = new Configuration();

  private static TrainRatings bundledTrain() {
    return RatingsReader.readTrain(
        TestFolders.hadoop(TestFolders.latestSmall().resolve(PipelineFiles.TRAIN)), CONF);
  }

  private static Set<String> pairs(TrainRatings ratings) {
    Set<String> pairs = new HashSet<>();
    for (int k = 0; k < ratings.size; k++) {
      pairs.add(ratings.users[k] + "," + ratings.items[k]);
    }
    return pairs;
  }

  private static Set<String> pairs(TestRatings ratings) {
    Set<String> pairs = new HashSet<>();
    for (int group = 0; group < ratings.users(); group++) {
      for (int at = ratings.start(group); at < ratings.start(group + 1); at++) {
        pairs.add(ratings.userId(group) + "," + ratings.itemAt(at));
      }
    }
    return pairs;
  }

  @Test
  void validationAndTheRestCutTrainInTwoAndNeverTouchTheTestSplit() throws IOException {
    TrainRatings train = bundledTrain();
    ValidationSplit split = ValidationSplit.of(train, 42, 0.1);
    Set<String> validation = pairs(split.validation());
    Set<String> rest = pairs(split.fit());
    assertEquals(train.size, validation.size() + rest.size());
    assertEquals(split.validation().size(), validation.size());
    assertTrue(Collections.disjoint(validation, rest));
    Set<String> both = new HashSet<>(validation);
    both.addAll(rest);
    assertEquals(pairs(train), both);

    Set<String> test = new HashSet<>();
    Path testFile = TestFolders.latestSmall().resolve(PipelineFiles.TEST);
    for (String line : Files.readAllLines(testFile)) {
      String[] f = line.split(",");
      test.add(f[0] + "," + f[1]);
    }
    assertEquals(20_000, test.size(), 1_000);
    assertTrue(Collections.disjoint(validation, test), "no test rating in V");
    assertTrue(Collections.disjoint(rest, test), "no test rating in T\\V");

    assertEquals(0.1, (double) validation.size() / train.size, 0.005);
    long seed = StableHash.hash(42, -1, -1);
    for (String pair : validation) {
      String[] f = pair.split(",");
      assertTrue(StableHash.unit(seed, Integer.parseInt(f[0]), Integer.parseInt(f[1])) < 0.1);
    }
  }

  @Test
  void theSameRatingsInAnotherOrderGiveTheSameCutAndAnotherSeedAnother() {
    TrainRatings train = bundledTrain();
    List<Rating> ratings = new ArrayList<>();
    for (int k = 0; k < train.size; k++) {
      ratings.add(new Rating(train.users[k], train.items[k], train.halfStars[k], 0));
    }
    Collections.shuffle(ratings, new Random(7));
    TrainRatings shuffled = new TrainRatings();
    ratings.forEach(shuffled::add);
    Set<String> validation = pairs(ValidationSplit.of(train, 42, 0.1).validation());
    assertEquals(validation, pairs(ValidationSplit.of(shuffled, 42, 0.1).validation()));
    assertNotEquals(validation, pairs(ValidationSplit.of(train, 43, 0.1).validation()));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1, -0.1, 1.5, Double.NaN})
  void aShareOutsideZeroToOneIsAUsageError(double fraction) {
    UsageException e = assertThrows(UsageException.class,
        () -> ValidationSplit.of(bundledTrain(), 42, fraction));
    assertTrue(e.getMessage().startsWith("--blend-validation must be between 0 and 1, both "
        + "excluded"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void aShareThatLeavesOnePartEmptyIsAUsageError() {
    TrainRatings one = new TrainRatings();
    one.add(new Rating(1, 1, 8, 0));
    UsageException e = assertThrows(UsageException.class, () -> ValidationSplit.of(one, 42, 0.1));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }
}
