package org.cfmr.mapreduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cfmr.core.StableHash;
import org.cfmr.core.testing.SharedData;

/** Train files of real MovieLens data for the tests, in the pipeline's header-less CSV. */
final class TestData {
  private TestData() {}

  /**
   * {@code ml-100k-u1}: the golden files' 80/20 train split of ml-100k (80,000 ratings).
   * {@code ml-latest-small}: a seeded 80% of the bundled ml-latest-small (about 80,700 ratings).
   * {@code ml-1m-users-1-2999}: all 487,650 ratings of that ml-1m subset.
   */
  static Path train(String dataset, Path folder) throws IOException {
    if (dataset.equals("ml-100k-u1")) {
      return SharedData.golden("ml-100k-u1/ratings_train.csv");
    }
    if (dataset.equals("ml-1m-users-1-2999")) {
      return allRatingsOfMl1mUsers(folder);
    }
    Path file = folder.resolve(dataset + "-train.csv");
    if (!Files.exists(file)) {
      List<String> lines = Files.readAllLines(SharedData.bundled("ratings.csv"));
      List<String> train = lines.subList(1, lines.size()).stream().filter(line -> {
        String[] fields = line.split(",");
        return StableHash.unit(7, Integer.parseInt(fields[0]), Integer.parseInt(fields[1])) < 0.8;
      }).toList();
      Files.write(file, train);
    }
    return file;
  }

  private static Path allRatingsOfMl1mUsers(Path folder) throws IOException {
    Path file = folder.resolve("ml-1m-users-1-2999-train.csv");
    if (!Files.exists(file)) {
      List<String> lines = Files.readAllLines(SharedData.movielens("ml-1m-users-1-2999/ratings.dat"));
      Files.write(file, lines.stream().map(line -> line.replace("::", ",")).toList());
    }
    return file;
  }
}
