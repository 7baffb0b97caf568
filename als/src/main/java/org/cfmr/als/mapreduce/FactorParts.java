package org.cfmr.als.mapreduce;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.factors.FactorFile;
import org.cfmr.core.factors.Factors;
import org.cfmr.core.CfmrException;

/**
 * A half-iteration's output, the {@code part-*} files of factor lines ({@link FactorFile}) in a
 * folder, read back into one {@link Factors} sorted by id: what the next half-iteration's tasks
 * load as the fixed side, and what the driver writes as the final factor file.
 */
final class FactorParts {
  private FactorParts() {}

  static Factors read(Path folder, int rank, Configuration conf) throws IOException {
    FileSystem fs = folder.getFileSystem(conf);
    FileStatus[] parts = fs.listStatus(folder, path -> path.getName().startsWith("part-"));
    Arrays.sort(parts, (x, y) -> x.getPath().getName().compareTo(y.getPath().getName()));
    int[] ids = new int[1024];
    double[] values = new double[ids.length * rank];
    int size = 0;
    for (FileStatus part : parts) {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(
          fs.open(part.getPath()), StandardCharsets.UTF_8), 1 << 16)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (size == ids.length) {
            ids = Arrays.copyOf(ids, 2 * size);
            values = Arrays.copyOf(values, 2 * size * rank);
          }
          try {
            ids[size] = FactorFile.parseLine(line, rank, values, size * rank);
          } catch (IllegalArgumentException e) {
            throw new CfmrException(part.getPath() + ": " + e.getMessage());
          }
          size++;
        }
      }
    }
    return sortedById(rank, Arrays.copyOf(ids, size), values);
  }

  /** The entities in id order (parts are each sorted, but hold interleaved id ranges). */
  private static Factors sortedById(int rank, int[] ids, double[] values) {
    long[] order = new long[ids.length];
    for (int e = 0; e < ids.length; e++) {
      order[e] = ((long) ids[e] << 32) | e;
    }
    Arrays.sort(order);
    int[] sortedIds = new int[ids.length];
    double[] sortedValues = new double[ids.length * rank];
    for (int at = 0; at < order.length; at++) {
      int e = (int) order[at];
      sortedIds[at] = ids[e];
      if (at > 0 && sortedIds[at] == sortedIds[at - 1]) {
        throw new IllegalStateException("two factor vectors of " + sortedIds[at]);
      }
      System.arraycopy(values, e * rank, sortedValues, at * rank, rank);
    }
    return new Factors(rank, sortedIds, sortedValues);
  }
}
