package org.cfmr.core.factors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Neighbour;
import org.cfmr.core.NeighbourFileFormat;
import org.cfmr.core.CfmrException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cfmr.core.io.FactorFiles;

/** Neighbours from factors against a brute-force cosine, and the factor file's round trip. */
class FactorNeighboursTest {
  @TempDir java.nio.file.Path temp;

  @Test
  void theFileIsTheBruteForceTopKOfPositiveCosines() throws IOException {
    int rank = 5;
    int n = 300;
    Random random = new Random(3);
    int[] ids = new int[n];
    double[] values = new double[n * rank];
    for (int e = 0; e < n; e++) {
      ids[e] = 10 + 3 * e;
      for (int f = 0; f < rank; f++) {
        values[e * rank + f] = random.nextGaussian();
      }
    }
    // Ties: entity 7 is a copy of 2 and entity 9 a multiple of 2, so 2's neighbours tie at cosine 1.
    System.arraycopy(values, 2 * rank, values, 7 * rank, rank);
    for (int f = 0; f < rank; f++) {
      values[9 * rank + f] = 2 * values[2 * rank + f];
    }
    Factors factors = new Factors(rank, ids, values);
    int k = 20;
    List<String> expected = bruteForce(ids, values, rank, k);

    for (int threads : new int[] {1, 3}) {
      Path file = new Path(temp.resolve("neighbours-" + threads + ".txt").toUri());
      int lines = FactorFiles.writeNeighbours(factors, k, threads, file, new Configuration());
      assertEquals(expected, Files.readAllLines(temp.resolve("neighbours-" + threads + ".txt")));
      assertEquals(expected.size(), lines);
    }
    assertTrue(expected.get(2).startsWith("16\t31:1.000000,37:1.000000,"), expected.get(2));
  }

  /** All pairs' cosines, sorted (similarity descending, ties by id), positive ones, first K. */
  private static List<String> bruteForce(int[] ids, double[] values, int rank, int k) {
    List<String> lines = new ArrayList<>();
    for (int a = 0; a < ids.length; a++) {
      List<Neighbour> all = new ArrayList<>();
      for (int b = 0; b < ids.length; b++) {
        if (b == a) {
          continue;
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int f = 0; f < rank; f++) {
          dot += values[a * rank + f] * values[b * rank + f];
          normA += values[a * rank + f] * values[a * rank + f];
          normB += values[b * rank + f] * values[b * rank + f];
        }
        double cosine = dot / (Math.sqrt(normA) * Math.sqrt(normB));
        if (cosine > 0) {
          all.add(new Neighbour(ids[b], cosine));
        }
      }
      all.sort(Neighbour.BEST_FIRST);
      if (!all.isEmpty()) {
        lines.add(NeighbourFileFormat.formatLine(ids[a], all.subList(0, Math.min(k, all.size()))));
      }
    }
    return lines;
  }

  @Test
  void factorsParseBackToTheSameDoubles() {
    Random random = new Random(5);
    double[] values = new double[2000];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6);
    }
    values[0] = -0.0;
    values[1] = 0.1;
    values[2] = 1e-300;
    String line = FactorFile.formatLine(7, values, 0, values.length);
    double[] parsed = new double[values.length];
    assertEquals(7, FactorFile.parseLine(line, values.length, parsed, 0));
    for (int i = 0; i < values.length; i++) {
      assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(parsed[i]),
          "factor " + i + " of " + line.substring(0, 80));
    }
    assertTrue(line.startsWith("7\t-0,0.10000000000000001,"), line.substring(0, 40));
  }

  @Test
  void aFactorFileWithAnotherRankOnALineIsOneLineError() throws IOException {
    java.nio.file.Path file = temp.resolve("item_factors.txt");
    Files.write(file, List.of("1\t0.5,0.25", "2\t0.5,0.25,0.125"));
    CfmrException error = assertThrows(CfmrException.class,
        () -> FactorFiles.read(new Path(file.toUri()), 0, new Configuration()));
    assertEquals(new Path(file.toUri()) + ":2: 3 factors, expected rank 2", error.getMessage());
    Files.write(file, List.of("2\t0.5,0.25", "1\t0.5,0.25"));
    error = assertThrows(CfmrException.class,
        () -> FactorFiles.read(new Path(file.toUri()), 2, new Configuration()));
    assertTrue(error.getMessage().endsWith(":2: id 1 after 2: the lines must be sorted by id, each id once"),
        error.getMessage());
  }
}
