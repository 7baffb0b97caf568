package org.cfmr.preprocess.split;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.cfmr.core.StableHash;

/**
 * The split computed plainly in memory, for the tests: every line split on its separator,
 * assigned by the spec's rule ({@code StableHash.unit(seed, user, item) < fraction}), sorted by
 * (user, item) and printed as MovieLens prints ratings.
 */
final class SplitOracle {
  final List<String> train = new ArrayList<>();
  final List<String> test = new ArrayList<>();

  SplitOracle(Path file, String separator, boolean header, long seed, double fraction)
      throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<long[]> ratings = new ArrayList<>();
    for (String line : lines.subList(header ? 1 : 0, lines.size())) {
      String[] fields = line.split(Pattern.quote(separator));
      ratings.add(new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1]),
          Math.round(Double.parseDouble(fields[2]) * 2), Long.parseLong(fields[3])});
    }
    ratings.sort(Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]));
    for (long[] r : ratings) {
      String text = r[0] + "," + r[1] + "," + (r[2] / 2) + (r[2] % 2 == 0 ? ".0" : ".5") + "," + r[3];
      (StableHash.unit(seed, (int) r[0], (int) r[1]) < fraction ? train : test).add(text);
    }
  }
}
