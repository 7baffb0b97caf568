package org.cfmr.als;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.als.memory.MemoryAls;
import org.cfmr.core.factors.Factors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory engine against the dense oracle ({@link DenseAls}) and a hand-worked case. */
class AlsOracleTest {
  @TempDir java.nio.file.Path temp;

  /**
   * Rank 1, λ = 0.1: users 1 and 2 start at ±1 (a unit vector of one Gaussian); with ratings
   * r(1,10)=4, r(1,20)=2, r(2,10)=5 one iteration is, by hand,
   * y10 = (4·x1 + 5·x2)/(x1² + x2² + 0.1·2), y20 = 2·x1/(x1² + 0.1·1),
   * x1 = (4·y10 + 2·y20)/(y10² + y20² + 0.1·2), x2 = 5·y10/(y10² + 0.1·1).
   */
  @Test
  void oneIterationAtRankOneIsTheHandWorkedSolution() throws IOException {
    java.nio.file.Path train = temp.resolve("tiny.csv");
    Files.write(train, List.of("1,10,4.0,0", "1,20,2.0,0", "2,10,5.0,0"));
    double[] start = new double[2];
    InitialFactors.fill(42, 1, 1, start, 0);
    InitialFactors.fill(42, 2, 1, start, 1);
    double x1 = start[0];
    double x2 = start[1];
    assertEquals(1, Math.abs(x1), 0);
    double y10 = (4 * x1 + 5 * x2) / (x1 * x1 + x2 * x2 + 0.2);
    double y20 = 2 * x1 / (x1 * x1 + 0.1);
    double newX1 = (4 * y10 + 2 * y20) / (y10 * y10 + y20 * y20 + 0.2);
    double newX2 = 5 * y10 / (y10 * y10 + 0.1);

    AlsModel model = MemoryAls.fit(new Path(train.toUri()), new AlsSettings(1, 1, 0.1, 42), 1,
        new Configuration());
    assertEquals(y10, model.items().values()[0], 1e-12);
    assertEquals(y20, model.items().values()[1], 1e-12);
    assertEquals(newX1, model.users().values()[0], 1e-12);
    assertEquals(newX2, model.users().values()[1], 1e-12);
    double sse = Math.pow(4 - newX1 * y10, 2) + Math.pow(2 - newX1 * y20, 2)
        + Math.pow(5 - newX2 * y10, 2);
    assertEquals(Math.sqrt(sse / 3), model.trainingRmse()[0], 1e-9);
  }

  @Test
  void theFactorsAreTheOraclesAfterEachIterationOnMlLatestSmall() throws IOException {
    java.nio.file.Path train = AlsTestData.mlLatestSmallTrain(temp);
    int rank = 8;
    double reg = 0.08;
    DenseAls oracle = new DenseAls(AlsTestData.triples(train), rank, reg, 42);
    for (int iteration = 1; iteration <= 3; iteration++) {
      oracle.iterate();
      AlsModel model = MemoryAls.fit(new Path(train.toUri()),
          new AlsSettings(rank, iteration, reg, 42), 2, new Configuration());
      assertSame(oracle.userIds, oracle.users, model.users(), "users after " + iteration);
      assertSame(oracle.itemIds, oracle.items, model.items(), "items after " + iteration);
      assertEquals(oracle.trainingRmse(), model.trainingRmse()[iteration - 1], 1e-9);
    }
  }

  private static void assertSame(int[] ids, double[][] expected, Factors actual, String what) {
    assertEquals(ids.length, actual.size(), what);
    double worst = 0;
    for (int e = 0; e < ids.length; e++) {
      assertEquals(ids[e], actual.id(e), what);
      for (int f = 0; f < actual.rank(); f++) {
        worst = Math.max(worst, Math.abs(expected[e][f] - actual.values()[e * actual.rank() + f]));
      }
    }
    assertEquals(0, worst, 1e-9, what + ": the largest difference");
  }
}
