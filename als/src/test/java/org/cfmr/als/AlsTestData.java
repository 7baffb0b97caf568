package org.cfmr.als;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cfmr.core.StableHash;
import org.cfmr.core.testing.SharedData;

/** The train file of the ALS tests: a seeded 80% of the bundled ml-latest-small, header-less. */
final class AlsTestData {
  private AlsTestData() {}

  static Path mlLatestSmallTrain(Path folder) throws IOException {
    Path file = folder.resolve("ml-latest-small-train.csv");
    if (!Files.exists(file)) {
      List<String> lines = Files.readAllLines(SharedData.bundled("ratings.csv"));
      Files.write(file, lines.subList(1, lines.size()).stream().filter(line -> {
        String[] fields = line.split(",");
        return StableHash.unit(7, Integer.parseInt(fields[0]), Integer.parseInt(fields[1])) < 0.8;
      }).toList());
    }
    return file;
  }

  /** {user, item, halfStars} of each line of a header-less train file. */
  static List<int[]> triples(Path train) throws IOException {
    return Files.readAllLines(train).stream().map(line -> {
      String[] fields = line.split(",");
      return new int[] {Integer.parseInt(fields[0]), Integer.parseInt(fields[1]),
          (int) Math.round(2 * Double.parseDouble(fields[2]))};
    }).toList();
  }
}
