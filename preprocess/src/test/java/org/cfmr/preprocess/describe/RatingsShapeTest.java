package org.cfmr.preprocess.describe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.CfmrException;
import org.cfmr.core.io.RatingsInput;
import org.cfmr.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shape {@code cfmr describe} prints, on a hand-checked file and on real MovieLens files. */
class RatingsShapeTest {
  @TempDir Path folder;

  private RatingsShape describe(String text) throws IOException {
    Path file = folder.resolve("ratings.csv");
    Files.writeString(file, text);
    return shapeOf(hadoopPath(file));
  }

  @Test
  void handCheckedTinyFile() throws IOException {
    RatingsShape shape = describe("""
        userId,movieId,rating,timestamp
        1,10,4.0,1
        1,20,3.5,2
        1,30,5.0,3
        2,10,2.0,4
        2,20,4.0,5
        3,10,1.0,6
        4,10,3.0,7
        """);
    assertEquals(7, shape.ratings());
    assertArrayEquals(new int[] {1, 1, 2, 3}, shape.ratingsPerUser());
    assertArrayEquals(new int[] {1, 2, 4}, shape.ratingsPerMovie());
    assertEquals(1.5, RatingsShape.median(shape.ratingsPerUser()));
    assertEquals(2, RatingsShape.median(shape.ratingsPerMovie()));
    // Gini of (1, 2, 4): (−2·1 + 0·2 + 2·4) / (3·7) = 6/21
    assertEquals(6.0 / 21, shape.popularityGini(), 1e-12);
    assertEquals(7, shape.userPairs(), "C(4,2) + C(2,2) + C(1,2)");
    assertEquals(4, shape.itemPairs(), "C(3,2) + C(2,2)");
    assertEquals(22.5 / 7, shape.meanRating(), 1e-12);
    String report = shape.report();
    assertTrue(report.contains("per user           min 1  median 1.5  max 3"), report);
    assertTrue(report.contains("popularity Gini    0.286"), report);
  }

  @Test
  void giniOfEqualCountsIsZeroAndOfOneHolderNearlyOne() {
    assertEquals(0, RatingsShape.gini(new int[] {5, 5, 5, 5}), 1e-12);
    // one movie of 100 holds every rating: (2·100 − 100 − 1)·1 / (100·1)
    assertEquals(0.99, RatingsShape.gini(concentrated()), 1e-12);
  }

  private static int[] concentrated() {
    int[] counts = new int[100];
    counts[99] = 1;
    return counts;
  }

  @Test
  void aMalformedLineIsNamedWithFileAndLine() throws IOException {
    CfmrException error = assertThrows(CfmrException.class, () -> describe(
        "userId,movieId,rating,timestamp\n1,10,4.0,1\n1,x,3.5,2\n"));
    assertTrue(error.getMessage().endsWith("ratings.csv:3: movieId 'x' is not a non-negative "
        + "integer"), error.getMessage());
  }

  /** The pair counts ML32M-SHAPE.md lists for the real files. */
  @Test
  void realMovieLensFilesHaveThePublishedShape() {
    RatingsShape small = shapeOf(hadoopPath(SharedData.bundled("ratings.csv")));
    assertEquals(100_836, small.ratings());
    assertEquals(610, small.users());
    assertEquals(9_724, small.movies());
    assertEquals(2.9e6, small.userPairs(), 0.05e6);
    assertEquals(3.0e7, small.itemPairs(), 0.05e7);
    assertEquals(329, small.ratingsPerMovie()[small.movies() - 1]);
    assertEquals(2_698, small.ratingsPerUser()[small.users() - 1]);

    RatingsShape hundredK = shapeOf(hadoopPath(SharedData.movielens("ml-100k/u.data")));
    assertEquals(100_000, hundredK.ratings());
    assertEquals(8.4e6, hundredK.userPairs(), 0.05e6);
    assertEquals(1.0e7, hundredK.itemPairs(), 0.05e7);
    assertEquals(583, hundredK.ratingsPerMovie()[hundredK.movies() - 1]);
    assertEquals(737, hundredK.ratingsPerUser()[hundredK.users() - 1]);
  }

  private static RatingsShape shapeOf(org.apache.hadoop.fs.Path file) {
    Configuration conf = new Configuration();
    return DatasetProfile.read(conf, RatingsInput.locate(file, conf)).shape();
  }

  private static org.apache.hadoop.fs.Path hadoopPath(Path path) {
    return new org.apache.hadoop.fs.Path(path.toUri());
  }
}
